import type { ActionError } from "@/lib/action-result";
import { plainMessage, type FieldErrors, type Message, type MessageCode, type PlainCode } from "@/lib/messages/codes";

/** An error a domain function throws on purpose: a message code and its parameters, never words. */
export class AppError extends Error {
  readonly code: MessageCode;
  readonly params?: Message["params"];
  readonly fieldErrors?: FieldErrors;

  constructor(message: Message, fieldErrors?: FieldErrors);
  /** The earlier form, (coarse code, message code, field codes): the message code is the code. */
  constructor(legacyCode: string, code: PlainCode, fieldErrors?: Record<string, PlainCode[]>);
  constructor(first: Message | string, second?: FieldErrors | PlainCode, third?: Record<string, PlainCode[]>) {
    const message = typeof first === "string" ? plainMessage(second as PlainCode) : first;
    super(message.code);
    this.name = "AppError";
    this.code = message.code;
    if (message.params) this.params = message.params;
    const fields = typeof first === "string" ? toFieldErrors(third) : (second as FieldErrors | undefined);
    if (fields) this.fieldErrors = fields;
  }

  /** What the action returns: the same code and parameters. */
  toActionError(): ActionError {
    const error = { code: this.code, params: this.params } as ActionError;
    return this.fieldErrors ? { ...error, fieldErrors: this.fieldErrors } : error;
  }
}

function toFieldErrors(fields: Record<string, PlainCode[]> | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([field, codes]) => [field, codes.map(plainMessage)]));
}

/** Field errors that show one message under each of some fields. */
export function fieldErrorsFor(fields: string[], message: Message): FieldErrors {
  return Object.fromEntries(fields.map((field) => [field, [message]]));
}
