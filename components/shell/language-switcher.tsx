"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { setPreferredLocaleAction } from "@/app/actions/set-preferred-locale";
import { isLocale, LOCALE_COOKIE, localeNames, locales } from "@/lib/i18n/config";

// The language is a cookie, readable before sign-in; the server renders with it.
export function LanguageSwitcher({ isSignedIn = false }: { isSignedIn?: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  const change = (next: string) => {
    if (!isLocale(next) || next === locale) return;
    startTransition(async () => {
      // Signed in, the server keeps the preference; before sign-in a cookie is all there is.
      const result = isSignedIn ? await setPreferredLocaleAction({ locale: next }) : null;
      if (!result?.ok) document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    });
  };

  return (
    <Select value={locale} onValueChange={change} disabled={isPending}>
      <SelectTrigger aria-label={t("language")} className="w-36" data-testid="language-switcher">
        <Languages aria-hidden className="size-4" />
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {locales.map((l) => (
          <SelectItem key={l} value={l} lang={l}>
            {localeNames[l]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
