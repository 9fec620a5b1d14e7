"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { dingTalkFieldLabel, type MappingLocale } from "@/lib/mapping";
import { MATCH_FALLBACKS, usableFallbacks, type MatchFallback } from "@/lib/sync/matching";

type Props = {
  /** The DingTalk field chosen as the mapping identifier in the table above. */
  identifierField: string;
  /** The enabled fallbacks, in order. */
  value: MatchFallback[];
  onChange: (value: MatchFallback[]) => void;
};

/**
 * Matching precedence: the mapping identifier first, then the fallbacks the administrator turns
 * on, in the order shown (move up and down). A DingTalk user found any other way is a conflict.
 */
export function MatchingSection({ identifierField, value, onChange }: Props) {
  const t = useTranslations("mapping.matching");
  const locale = useLocale() as MappingLocale;
  const headingId = useId();
  const [announcement, setAnnouncement] = useState("");
  const enabled = usableFallbacks(value, identifierField);
  // Enabled ones in their order, then the others in the catalogue's order.
  const listed = [
    ...enabled,
    ...MATCH_FALLBACKS.filter((f) => f !== identifierField && !enabled.includes(f)),
  ] as MatchFallback[];
  const label = (field: string) => dingTalkFieldLabel("user", field, locale);

  const toggle = (field: MatchFallback, on: boolean) =>
    onChange(on ? [...enabled, field] : enabled.filter((f) => f !== field));
  const move = (field: MatchFallback, by: -1 | 1) => {
    const from = enabled.indexOf(field);
    const to = from + by;
    if (from < 0 || to < 0 || to >= enabled.length) return;
    const next = [...enabled];
    [next[from], next[to]] = [next[to], next[from]];
    onChange(next);
    setAnnouncement(t("moved", { field: label(field), position: to + 2, count: enabled.length + 1 }));
  };

  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="matching">
      <h3 id={headingId} className="text-lg font-medium">
        {t("title")}
      </h3>
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      <ol className="space-y-2 rounded-md border p-3">
        <li className="flex items-center gap-3 text-sm" data-testid="matching-identifier">
          <span className="text-muted-foreground w-6 text-right tabular-nums">1.</span>
          <span>{t("identifier", { field: label(identifierField) })}</span>
        </li>
        {listed.map((field) => {
          const position = enabled.indexOf(field);
          const on = position >= 0;
          const checkboxId = `${headingId}-${field}`;
          return (
            <li key={field} className="flex flex-wrap items-center gap-3 text-sm" data-testid={`fallback-${field}`}>
              <span className="text-muted-foreground w-6 text-right tabular-nums" aria-hidden={!on}>
                {on ? `${position + 2}.` : ""}
              </span>
              <Checkbox id={checkboxId} checked={on} onCheckedChange={(checked) => toggle(field, checked === true)} />
              <label htmlFor={checkboxId} className="flex-1 cursor-pointer">
                {t(`fallback_${field}`)}
              </label>
              {on && (
                <span className="flex gap-1">
                  <Button
                    type="button"
                    variant="outline"
                    size="icon-sm"
                    aria-label={t("moveUp", { field: label(field) })}
                    disabled={position === 0}
                    onClick={() => move(field, -1)}
                  >
                    <ArrowUp aria-hidden="true" />
                  </Button>
                  <Button
                    type="button"
                    variant="outline"
                    size="icon-sm"
                    aria-label={t("moveDown", { field: label(field) })}
                    disabled={position === enabled.length - 1}
                    onClick={() => move(field, 1)}
                  >
                    <ArrowDown aria-hidden="true" />
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="text-muted-foreground text-sm">{t("otherwise")}</p>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
