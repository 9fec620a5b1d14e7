"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { countScopeAction } from "@/app/actions/idp/count-scope";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import type { FieldCatalog } from "@/lib/expression";
import { checkScopeFilter, scopeVerdict } from "@/lib/mapping";
import { reasonMessage } from "@/lib/messages";
import { scopeFilterMessage } from "@/lib/messages/rule-problems";
import { ExpressionInput } from "./expression-input";

type Props = {
  idpId: string;
  value: string;
  onChange: (value: string) => void;
  catalog: FieldCatalog;
  fieldPaths: string[];
  /** The sample account of the editor's preview. */
  sample: object | undefined;
  /** What the server refused on save (the field error `scopeFilter`), in words. */
  serverError?: string;
};

type Counted = { total: number; inScope: number; outOfScope: number; failed: number; filtered: boolean };

/** The optional scoping filter: an expression over idpUser, checked and previewed as the rules are, with a count. */
export function ScopeFilterSection({ idpId, value, onChange, catalog, fieldPaths, sample, serverError }: Props) {
  const t = useTranslations("mapping.scope");
  const { text, fieldText } = useWords();
  const headingId = useId();
  const [counted, setCounted] = useState<Counted | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  const source = value.trim();
  const checked = useMemo(() => (source ? checkScopeFilter(source, catalog) : null), [source, catalog]);
  const lead = value.length - value.trimStart().length;
  const error = checked?.problem
    ? {
        start: "start" in checked.problem ? checked.problem.start : lead,
        end: "end" in checked.problem ? checked.problem.end : value.length,
        message: text(scopeFilterMessage(checked.problem)),
      }
    : serverError
      ? { start: lead, end: value.length, message: serverError }
      : undefined;
  const verdict = checked && !checked.problem && sample ? scopeVerdict(checked.compiled, sample) : null;

  const count = async () => {
    setCounting(true);
    setCountError(null);
    const result = await countScopeAction({ idpId, scopeFilter: value });
    setCounting(false);
    if (!result.ok) return setCountError(fieldText(result.error.fieldErrors?.scopeFilter?.[0]) ?? text(result.error));
    setCounted({ ...result.data, filtered: source !== "" });
  };

  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="scope-filter">
      <h3 id={headingId} className="text-lg font-medium">
        {t("title")}
      </h3>
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      <ExpressionInput
        id="scope-filter"
        label={t("label")}
        value={value}
        onChange={(next) => {
          setCounted(null);
          onChange(next);
        }}
        fieldPaths={fieldPaths.filter((p) => p === "idpUser" || p.startsWith("idpUser."))}
        error={error}
      />
      {source && !error && (
        <p className="text-sm" role="status" data-testid="scope-filter-preview">
          {!sample ? (
            t("noSample")
          ) : verdict && "error" in verdict ? (
            text(reasonMessage({ code: "scope_filter_failed", params: verdict.error }))
          ) : (
            <>
              {t("preview")} <strong>{verdict?.inScope ? t("in") : t("out")}</strong>
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={counting || !!checked?.problem}
          onClick={() => void count()}
        >
          {counting ? t("counting") : t("count")}
        </Button>
        <p className="text-sm" role="status" data-testid="scope-filter-count">
          {countError ??
            (counted &&
              (counted.filtered
                ? t("counted", {
                    in: counted.inScope,
                    out: counted.outOfScope,
                    total: counted.total,
                    failed: counted.failed,
                  })
                : t("countedNoFilter", { total: counted.total })))}
        </p>
      </div>
    </section>
  );
}
