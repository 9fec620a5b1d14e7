"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import type { OuSearchResult } from "@/lib/views/directory";

/** A search box over all OUs (fast at thousands): type, then pick a result; says how many matches are not listed. */
export function OuSearch({
  onPick,
  excludeIds = [],
  label,
  autoFocus,
}: {
  onPick: (ou: OuSearchResult) => void;
  excludeIds?: string[];
  label: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("organizations");
  const id = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const exclude = excludeIds.join(",");
  const { data, isFetching } = useQuery({
    queryKey: ["ou-search", deferred, exclude],
    queryFn: async () => {
      const res = await fetch(
        `/api/directory/ous?q=${encodeURIComponent(deferred)}&exclude=${encodeURIComponent(exclude)}`,
      );
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as { results: OuSearchResult[]; total: number };
    },
  });
  const results = (data?.results ?? []).filter((r) => !excludeIds.includes(r.id));
  const more = data ? Math.max(0, data.total - data.results.length) : 0;
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={id}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("searchPlaceholder")}
        autoFocus={autoFocus}
        autoComplete="off"
        aria-describedby={more > 0 ? `${id}-more` : undefined}
      />
      <ul className="max-h-56 overflow-auto rounded-md border" aria-label={t("searchResults")} aria-busy={isFetching}>
        {results.length === 0 && (
          <li className="text-muted-foreground p-2 text-sm">{isFetching ? t("searching") : t("noMatches")}</li>
        )}
        {results.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="hover:bg-accent focus-visible:bg-accent w-full px-2 py-1.5 text-left text-sm focus-visible:outline-none"
              onClick={() => onPick(r)}
            >
              <span className="font-medium">{r.name}</span>
              <span className="text-muted-foreground block text-xs">{r.path}</span>
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p id={`${id}-more`} className="text-muted-foreground text-xs" data-testid="ou-search-more">
          {t("moreMatches", { count: more })}
        </p>
      )}
    </div>
  );
}
