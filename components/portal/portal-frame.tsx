import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

/** The end users' pages: the brand, the language, and one centred column. No console navigation. */
export function PortalFrame({ children, wide = false }: { children: React.ReactNode; wide?: boolean }) {
  const t = useTranslations("brand");
  return (
    <div className="bg-muted/40 min-h-screen">
      <header className="flex items-center justify-between border-b bg-white/60 px-6 py-3">
        <p className="text-primary text-sm font-semibold">{t("name")}</p>
        <LanguageSwitcher />
      </header>
      <main className={`mx-auto space-y-6 p-6 ${wide ? "max-w-3xl" : "max-w-sm pt-16"}`}>{children}</main>
    </div>
  );
}
