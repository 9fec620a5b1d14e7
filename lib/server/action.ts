import "server-only";
import { z } from "zod";
import { AppError } from "./app-error";
import { getCurrentAdmin, type CurrentAdmin } from "./auth";

import type { ActionResult } from "./action-result";

export type { ActionError, ActionResult } from "./action-result";

export { AppError };

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
    if (!admin) return { ok: false, error: { code: "unauthorized", message: "errors.unauthorized" } };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, error: { code: "invalid_input", message: "errors.invalid_input", fieldErrors } };
    }
    try {
      return { ok: true, data: await handler(parsed.data, admin) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
      }
      console.error("[action] unexpected failure", error instanceof Error ? error.name : "unknown");
      return { ok: false, error: { code: "internal", message: "errors.internal" } };
    }
  };
}
