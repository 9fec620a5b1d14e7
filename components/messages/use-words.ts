"use client";

import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { Locale } from "@/lib/i18n/config";
import { formatMessage, type Message, type Translate } from "@/lib/messages";
import type { ObjectType } from "@/lib/sync/types";

/**
 * The one hook that puts errors and reasons into words: action errors, field errors (from the
 * server, or a zod schema's message code in a form), DingTalk errors, run errors and sync reasons.
 */
export function useWords() {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const translate = t as unknown as Translate;
  const text = (message: Message, objectType?: ObjectType): string => {
    try {
      return formatMessage(message, { t: translate, locale, objectType });
    } catch {
      // A code this version has no words for (e.g. a zod default message): never show it raw.
      return t("errors.internal");
    }
  };
  return {
    text,
    /**
     * A form field's error: a message from the server, or what react-hook-form holds (a zod
     * schema's message code, or words this hook already gave for a server message).
     */
    fieldText(entry: Message | string | undefined | null): string | undefined {
      if (!entry) return undefined;
      if (typeof entry !== "string") return text(entry);
      return t.has(entry) ? t(entry as Parameters<typeof t>[0]) : entry;
    },
    /** A toast for an action's result; true when it succeeded. */
    toastResult<T>(result: ActionResult<T>, success: string): result is { ok: true; data: T } {
      if (result.ok) toast.success(success);
      else toast.error(text(result.error));
      return result.ok;
    },
  };
}
