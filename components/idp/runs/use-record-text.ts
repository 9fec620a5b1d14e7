"use client";

import { useTranslations } from "next-intl";
import type { Reason } from "./run-format";

/** Words for a sync record's reason code and DingTalk error code (catalogue first, DingTalk's words after). */
export function useRecordText() {
  const tr = useTranslations();
  return {
    reasonText(reason: Reason | null): string | null {
      if (!reason) return null;
      const key = `syncReasons.${reason.code}`;
      const params = Object.fromEntries(Object.entries(reason.params ?? {}).map(([k, v]) => [k, String(v)]));
      return tr.has(key) ? tr(key, params) : `${reason.code}${reason.params ? ` ${JSON.stringify(reason.params)}` : ""}`;
    },
    errorText(errcode: number | null, errorMessage: string | null): string | null {
      return errcode && tr.has(`dingtalkErrors.e${errcode}`) ? tr(`dingtalkErrors.e${errcode}`, { permission: "" }) : errorMessage;
    },
  };
}
