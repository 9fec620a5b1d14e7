"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/server/action-result";

/** Translates an action's error code/message key for a toast or a form. */
export function useActionMessages() {
  const t = useTranslations();
  return {
    errorText(result: Extract<ActionResult<unknown>, { ok: false }>): string {
      const key = result.error.message;
      return t.has(key) ? t(key) : t.has(`errors.${result.error.code}`) ? t(`errors.${result.error.code}`) : t("errors.internal");
    },
    fieldText(key: string | undefined): string | undefined {
      if (!key) return undefined;
      return t.has(key) ? t(key) : key;
    },
    toastResult<T>(result: ActionResult<T>, success: string): result is { ok: true; data: T } {
      if (result.ok) toast.success(success);
      else toast.error(this.errorText(result));
      return result.ok;
    },
  };
}
