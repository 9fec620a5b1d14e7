import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { FieldErrors, Message } from "@/lib/messages/codes";
import { AppError } from "./app-error";
import { getCurrentAdmin, type CurrentAdmin } from "./auth";

export type { ActionError, ActionResult } from "@/lib/action-result";

export { AppError };

/** Zod issues as field errors: each schema's `message` is a field message code (lib/messages). */
function zodFieldErrors(error: z.ZodError): FieldErrors {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.fromEntries(
    Object.entries(flat).map(([field, codes]) => [field, (codes ?? []).map((code) => ({ code }) as Message)]),
  );
}

/**
 * The one shape of every server action: session -> zod -> domain call.
 * The session is checked here, inside the action, never only by a proxy.
 */
export function adminAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, admin: CurrentAdmin) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const admin = await getCurrentAdmin();
    if (!admin) return { ok: false, error: { code: "errors.unauthorized" } };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: "errors.invalid_input", fieldErrors: zodFieldErrors(parsed.error) } };
    }
    try {
      return { ok: true, data: await handler(parsed.data, admin) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toActionError() };
      // The error's class and code (a Prisma P2028, say), never its message: it may hold input values.
      const code = error instanceof Error && "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
      console.error("[action] unexpected failure", error instanceof Error ? `${error.name}${code}` : "unknown");
      return { ok: false, error: { code: "errors.internal" } };
    }
  };
}
