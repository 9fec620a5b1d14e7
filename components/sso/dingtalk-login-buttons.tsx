import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export type DingTalkLoginButton = { id: string; name: string; href: string };

/**
 * "Log in with DingTalk (<display name>)" for each IdP with QR code login on. Plain links to
 * the start route (it sets the state cookie and redirects), so they work without script.
 */
export function DingTalkLoginButtons({ buttons }: { buttons: DingTalkLoginButton[] }) {
  const t = useTranslations("sso");
  if (buttons.length === 0) return null;
  return (
    <nav aria-label={t("buttonsLabel")} className="space-y-2">
      {buttons.map((b) => (
        <Button key={b.id} asChild variant="outline" className="w-full">
          <a href={b.href}>{t("loginWith", { name: b.name })}</a>
        </Button>
      ))}
    </nav>
  );
}
