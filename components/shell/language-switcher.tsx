"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setPreferredLocaleAction } from "@/app/actions/set-preferred-locale";
import { isLocale, LOCALE_COOKIE, localeNames, locales } from "@/lib/i18n/config";

// The language is a cookie, readable before sign-in; the server renders with it.
// A native select: on every page, keyboard and screen readers know it, and it weighs nothing.
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
    <label className="border-input focus-within:ring-ring/50 flex h-9 w-36 items-center gap-2 rounded-md border px-2 text-sm focus-within:ring-[3px]">
      <Languages aria-hidden className="size-4 shrink-0" />
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        onChange={(e) => change(e.target.value)}
        disabled={isPending}
        data-testid="language-switcher"
        className="min-w-0 flex-1 bg-transparent outline-none"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
