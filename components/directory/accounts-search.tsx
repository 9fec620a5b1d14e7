"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** How long typing pauses before the list follows it. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The accounts list's search box: the list follows what is typed (after a short pause) and Enter
 * searches at once. The query lives in the URL (?q=), with the other parameters kept and the page reset.
 */
export function AccountsSearch() {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const urlQuery = params.get("q") ?? "";
  const [isPending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Queries sent to the URL that it has not shown yet: arriving, they must not overwrite newer typing.
  const inFlight = useRef(new Set<string>());
  const latest = useRef(urlQuery);

  useEffect(() => {
    if (inFlight.current.has(urlQuery)) {
      if (urlQuery === latest.current) inFlight.current.clear();
      return;
    }
    // The URL changed by other means (back, a link): show its query.
    latest.current = urlQuery;
    if (input.current) input.current.value = urlQuery;
  }, [urlQuery]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (raw: string) => {
    clearTimeout(timer.current);
    const query = raw.trim().slice(0, 100);
    if (query === latest.current) return;
    latest.current = query;
    inFlight.current.add(query);
    const next = new URLSearchParams(params);
    if (query) next.set("q", query);
    else next.delete("q");
    next.delete("page");
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  };

  return (
    <form
      role="search"
      className="flex min-w-72 flex-1 gap-2"
      action={pathname}
      onSubmit={(event) => {
        event.preventDefault();
        search(input.current?.value ?? "");
      }}
    >
      {params.get("ou") && <input type="hidden" name="ou" value={params.get("ou") ?? ""} />}
      <Input
        ref={input}
        type="search"
        name="q"
        defaultValue={urlQuery}
        placeholder={t("accounts.searchPlaceholder")}
        aria-label={t("accounts.searchPlaceholder")}
        aria-busy={isPending}
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => search(value), SEARCH_DEBOUNCE_MS);
        }}
      />
      <Button type="submit" variant="outline">
        <Search aria-hidden className="size-4" />
        {t("common.search")}
      </Button>
    </form>
  );
}
