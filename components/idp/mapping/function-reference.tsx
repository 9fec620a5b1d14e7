"use client";

import { ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { functionCatalog, functionGroups, type ExpressionLocale, type FunctionInfo } from "@/lib/expression";
import { cn } from "@/lib/utils";

function matches(f: FunctionInfo, query: string, locale: ExpressionLocale): boolean {
  if (!query) return true;
  return [f.name, f.description[locale], f.example].some((text) => text.toLowerCase().includes(query));
}

/**
 * The expression reference: every function of the catalogue completion offers, with its
 * signature, one line of help and an example, grouped and searchable; closed until asked for.
 */
export function FunctionReference() {
  const t = useTranslations("mapping.reference");
  const locale = useLocale() as ExpressionLocale;
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const shown = functionCatalog.filter((f) => matches(f, q, locale));

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border" data-testid="function-reference">
      <h3 id={`${id}-heading`} className="font-medium">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen((open) => !open)}
          className="focus-visible:ring-ring/50 flex w-full items-center gap-2 rounded-lg px-4 py-3 text-left outline-none focus-visible:ring-[3px]"
        >
          <ChevronRight aria-hidden className={cn("size-4 shrink-0 transition-transform", isOpen && "rotate-90")} />
          {t("title")}
        </button>
      </h3>
      <div id={`${id}-panel`} hidden={!isOpen} className="space-y-4 border-t px-4 py-4">
        {isOpen && (
          <>
            <p className="text-muted-foreground text-sm">{t("intro")}</p>
            <p className="text-muted-foreground text-sm">{t("documents")}</p>
            <div className="grid max-w-sm gap-2">
              <label htmlFor={`${id}-search`} className="text-sm font-medium">
                {t("search")}
              </label>
              <Input
                id={`${id}-search`}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <p role="status" className="text-muted-foreground text-sm">
              {t("count", { count: shown.length })}
            </p>
            {functionGroups.map((group) => {
              const listed = shown.filter((f) => f.group === group);
              if (listed.length === 0) return null;
              return (
                <section key={group} aria-labelledby={`${id}-${group}`} className="space-y-2">
                  <h4 id={`${id}-${group}`} className="text-sm font-semibold">
                    {t(`groups.${group}`)}
                  </h4>
                  <dl className="divide-y rounded-md border">
                    {listed.map((f) => (
                      <div key={f.name} className="space-y-1 px-3 py-2" data-testid="function-entry" data-name={f.name}>
                        <dt>
                          <code className="font-mono text-sm font-semibold wrap-anywhere">{f.signature}</code>
                        </dt>
                        <dd className="text-sm">{f.description[locale]}</dd>
                        <dd className="text-muted-foreground text-xs wrap-anywhere">
                          {t("example")} <code className="text-foreground font-mono">{f.example}</code>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              );
            })}
          </>
        )}
      </div>
    </section>
  );
}
