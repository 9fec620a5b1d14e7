import { useLocale, useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DINGTALK_ERROR_CODES, type DingTalkErrorDetail } from "@/lib/dingtalk/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatMessage, type Translate } from "@/lib/messages";
import type { SsoRefusalInfo } from "@/lib/schemas/sso";

/** The DingTalk failure a refusal names ("e<errcode>" or the client's error code), as the registry takes it. */
function refusalDetail(key: string, permission: string | undefined): DingTalkErrorDetail | null {
  const errcode = /^e(-?\d+)$/.exec(key)?.[1];
  if (errcode !== undefined) return { code: "api_error", kind: "invalid", errcode: Number(errcode), permission };
  const code = DINGTALK_ERROR_CODES.find((c) => c === key);
  return code ? { code, kind: "invalid", errcode: null, permission } : null;
}

/** The words for a refusal; a DingTalk error's through the console's one message registry. */
export function useRefusalText(): (refusal: SsoRefusalInfo) => string {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return ({ code, dingtalkKey, permission }) => {
    if (code !== "dingtalk_error") return t(`sso.refusals.${code}`);
    const detail = dingtalkKey ? refusalDetail(dingtalkKey, permission) : null;
    const words = detail
      ? formatMessage({ code: "errors.dingtalk", params: detail }, { t: t as unknown as Translate, locale })
      : t("sso.dingtalkUnknown", { code: dingtalkKey ?? "?" });
    return t("sso.refusals.dingtalk_error", { detail: words });
  };
}

/** Why a DingTalk sign-in was refused, on the page it landed on. Works in server and client components. */
export function SsoRefusalAlert({ refusal }: { refusal: SsoRefusalInfo | null }) {
  const t = useTranslations("sso");
  const text = useRefusalText();
  if (!refusal) return null;
  return (
    <Alert variant="destructive" data-testid="sso-refusal" data-code={refusal.code}>
      <AlertTitle>{t("refusedTitle")}</AlertTitle>
      <AlertDescription>{text(refusal)}</AlertDescription>
    </Alert>
  );
}
