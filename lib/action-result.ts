// The one shape every server action returns; client components import it from here.
import type { FieldErrors, Message } from "@/lib/messages/codes";

/** A refusal: a message code with its parameters, and per form field the messages to show there. */
export type ActionError = Message & { fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
