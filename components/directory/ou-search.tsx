"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import type { OuSearchResult } from "@/lib/views/directory";

/** A search box over all OUs (fast at thousands): type, then pick a result. */
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
  const { data, isFetching } = useQuery({
    queryKey: ["ou-search", deferred],
    queryFn: async () => {
      const res = await fetch(`/api/directory/ous?q=${encodeURIComponent(deferred)}`);
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { results: OuSearchResult[] }).results;
    },
  });
  const results = (data ?? []).filter((r) => !excludeIds.includes(r.id));
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
    </div>
  );
}
