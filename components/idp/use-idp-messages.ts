"use client";

import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/server/action-result";

/** Translates an IdP action error: catalogue key first, then DingTalk's own English words, then the code. */
export function useIdpMessages() {
  const t = useTranslations();
  const dingTalkDetail = (error: ActionError) => {
    const [title, fix, , permission] = error.fieldErrors?._dingtalk ?? [];
    return { text: title ? `${title} ${fix ?? ""}`.trim() : undefined, permission: permission ?? "" };
  };
  const translate = (key: string, error: ActionError): string | undefined => {
    const detail = dingTalkDetail(error);
    if (key.startsWith("dingtalkErrors.")) return t.has(key) ? t(key, { permission: detail.permission }) : detail.text;
    return t.has(key) ? t(key) : undefined;
  };
  return {
    errorText(error: ActionError): string {
      return translate(error.message, error) ?? (t.has(`idpErrors.${error.code}`) ? t(`idpErrors.${error.code}`) : t.has(`errors.${error.code}`) ? t(`errors.${error.code}`) : t("errors.internal"));
    },
    /** A field error's words: a key, or an already-worded message (expression errors). */
    fieldText(error: ActionError | undefined, key: string | undefined): string | undefined {
      if (!key) return undefined;
      if (error && key.startsWith("dingtalkErrors.")) return translate(key, error);
      return t.has(key) ? t(key) : key;
    },
  };
}
