"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { OuSearch } from "@/components/directory/ou-search";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type SampleAccount = { id: string; username: string; displayName: string; email: string | null };

/** Searchable list of accounts; the picked account's idpUser is fetched once, then the preview runs locally. */
export function SampleAccountPicker({ onPicked }: { onPicked: (label: string, idpUser: object) => void }) {
  const t = useTranslations("mapping");
  const id = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const { data, isFetching } = useQuery({
    queryKey: ["idp-sample-accounts", deferred],
    queryFn: async () => {
      const res = await fetch(`/api/idp/samples?q=${encodeURIComponent(deferred)}`);
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { results: SampleAccount[] }).results;
    },
  });
  const pick = async (a: SampleAccount) => {
    const res = await fetch(`/api/idp/samples?accountId=${encodeURIComponent(a.id)}`);
    if (res.ok) onPicked(`${a.displayName} (${a.username})`, ((await res.json()) as { idpUser: object }).idpUser);
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="text-sm font-medium">
        {t("sampleAccount")}
      </label>
      <Input
        id={id}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("sampleAccountPlaceholder")}
        autoComplete="off"
      />
      <ul
        className="max-h-48 overflow-auto rounded-md border"
        aria-label={t("sampleAccountResults")}
        aria-busy={isFetching}
      >
        {(data ?? []).length === 0 && (
          <li className="text-muted-foreground p-2 text-sm">{isFetching ? t("searching") : t("noMatches")}</li>
        )}
        {(data ?? []).map((a) => (
          <li key={a.id}>
            <Button
              type="button"
              variant="ghost"
              className="h-auto w-full justify-start px-2 py-1 text-left font-normal"
              onClick={() => void pick(a)}
            >
              <span className="min-w-0">
                <span className="block font-medium">{a.displayName}</span>
                <span className="text-muted-foreground block truncate text-xs">
                  {a.username}
                  {a.email ? ` · ${a.email}` : ""}
                </span>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SampleOuPicker({ onPicked }: { onPicked: (label: string, ou: object) => void }) {
  const t = useTranslations("mapping");
  return (
    <OuSearch
      label={t("sampleOrganization")}
      onPick={async (ou) => {
        const res = await fetch(`/api/idp/samples?ouId=${encodeURIComponent(ou.id)}`);
        if (res.ok) onPicked(ou.path, ((await res.json()) as { idpOrganizationalUnit: object }).idpOrganizationalUnit);
      }}
    />
  );
}
