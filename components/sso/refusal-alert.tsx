import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { SsoRefusalInfo } from "@/lib/schemas/sso";

/** The words for a refusal; a DingTalk error reuses the console's "dingtalkErrors" catalogue. */
export function useRefusalText(): (refusal: SsoRefusalInfo) => string {
  const t = useTranslations();
  return ({ code, dingtalkKey, permission }) => {
    if (code !== "dingtalk_error") return t(`sso.refusals.${code}`);
    const key = `dingtalkErrors.${dingtalkKey ?? "unknown"}`;
    const detail = t.has(key) ? t(key, { permission: permission ?? "—" }) : t("sso.dingtalkUnknown", { code: dingtalkKey ?? "?" });
    return t("sso.refusals.dingtalk_error", { detail });
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
