"use client";

import { Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { TableCell, TableRow } from "@/components/ui/table";
import type { SuggestedFix } from "@/lib/expression";
import { dingTalkFieldLabel, type MappingLocale, type MappingRule } from "@/lib/mapping";
import { cn } from "@/lib/utils";
import { ExpressionInput } from "./expression-input";
import type { PreviewValue } from "./preview";

export type FieldOption = { path: string; label: string };

export type RowProblem = {
  field: string;
  message: string;
  range?: { start: number; end: number };
  /** An expression error's did-you-mean, applied to the whole source. */
  fix?: SuggestedFix;
};

type Props = {
  rule: MappingRule;
  index: number;
  fieldOptions: FieldOption[];
  fieldPaths: string[];
  problems: RowProblem[];
  preview: PreviewValue;
  onChange: (rule: MappingRule) => void;
  onIdentifier?: () => void;
};

// Below the editor's container width of 56rem (e.g. a 768 px window beside the sidebar) the
// field, type, source and preview cells turn into blocks, which a table row wraps into one
// anonymous cell: they stack, the preview under the source, and the row fits without
// scrolling sideways. Same DOM at every width: no duplicated controls, no layout script.
const stacked = "block @4xl:table-cell";

/** One mapping rule: identifier, DingTalk field, kind, source and its live preview. */
export function MappingRow({
  rule,
  index,
  fieldOptions,
  fieldPaths,
  problems,
  preview,
  onChange,
  onIdentifier,
}: Props) {
  const t = useTranslations("mapping");
  const locale = useLocale() as MappingLocale;
  const words = useWords();
  const name = dingTalkFieldLabel(
    rule.objectType,
    rule.targetField,
    locale,
    rule.isCustom ? rule.targetDisplayName : null,
  );
  const sourceProblem = problems.find((p) => p.field === "source");
  const fix = rule.kind === "expression" ? sourceProblem?.fix : undefined;
  const other = problems.filter((p) => p.field !== "source");
  const rowId = `rule-${rule.objectType}-${rule.targetField}`;
  return (
    <TableRow data-testid={rowId} data-kind={rule.kind}>
      {onIdentifier && (
        <TableCell className="text-center">
          <input
            type="radio"
            name="mapping-identifier"
            className="accent-primary size-4"
            aria-label={t("identifierFor", { name })}
            checked={rule.isMappingIdentifier}
            disabled={rule.kind === "disabled"}
            onChange={onIdentifier}
          />
        </TableCell>
      )}
      <TableCell className={cn(stacked, "whitespace-normal")}>
        <div className="font-medium break-words">{name}</div>
        <code className="text-muted-foreground text-xs">{rule.targetField}</code>
      </TableCell>
      <TableCell className={stacked}>
        <NativeSelect
          aria-label={t("kindFor", { name })}
          className="w-36"
          value={rule.kind}
          onChange={(e) => {
            const kind = e.target.value as MappingRule["kind"];
            onChange({ ...rule, kind, isMappingIdentifier: kind === "disabled" ? false : rule.isMappingIdentifier });
          }}
        >
          <option value="field">{t("kindField")}</option>
          <option value="expression">{t("kindExpression")}</option>
          <option value="disabled">{t("kindDisabled")}</option>
        </NativeSelect>
        {rule.objectType === "user" &&
          rule.kind !== "disabled" &&
          !rule.isMappingIdentifier &&
          rule.targetField !== "userid" && (
            <NativeSelect
              aria-label={t("applyOnFor", { name })}
              className="mt-1"
              data-testid={`${rowId}-apply-on`}
              value={rule.applyOn ?? "always"}
              onChange={(e) => onChange({ ...rule, applyOn: e.target.value === "create" ? "create" : undefined })}
            >
              <option value="always">{t("applyOnAlways")}</option>
              <option value="create">{t("applyOnCreate")}</option>
            </NativeSelect>
          )}
      </TableCell>
      <TableCell className={cn(stacked, "whitespace-normal @4xl:min-w-72")}>
        {rule.kind === "field" && (
          <NativeSelect
            aria-label={t("sourceFieldFor", { name })}
            aria-invalid={sourceProblem ? true : undefined}
            className="w-full"
            value={fieldOptions.some((o) => o.path === rule.source) ? rule.source : ""}
            onChange={(e) => onChange({ ...rule, source: e.target.value })}
          >
            <option value="" disabled>
              {t("pickField")}
            </option>
            {fieldOptions.map((o) => (
              <option key={o.path} value={o.path}>
                {o.label} · {o.path}
              </option>
            ))}
          </NativeSelect>
        )}
        {rule.kind === "expression" && (
          <ExpressionInput
            id={`expr-${index}`}
            label={t("expressionFor", { name })}
            value={rule.source}
            onChange={(source) => onChange({ ...rule, source })}
            fieldPaths={fieldPaths}
            error={
              sourceProblem
                ? {
                    start: sourceProblem.range?.start ?? 0,
                    end: sourceProblem.range?.end ?? rule.source.length,
                    message: sourceProblem.message,
                  }
                : undefined
            }
          />
        )}
        {fix && (
          <Button
            type="button"
            variant="link"
            size="sm"
            className="h-auto px-0 py-0.5 whitespace-normal"
            onClick={() => onChange({ ...rule, source: fix.source })}
          >
            {t("useSuggestion", { suggestion: fix.text })}
          </Button>
        )}
        {rule.kind === "disabled" && <span className="text-muted-foreground text-sm">{t("notSynced")}</span>}
        {sourceProblem && rule.kind === "field" && (
          <p role="alert" className="text-destructive mt-1 text-sm">
            {sourceProblem.message}
          </p>
        )}
        {other.map((p) => (
          <p key={p.field + p.message} role="alert" className="text-destructive mt-1 text-sm">
            {p.message}
          </p>
        ))}
      </TableCell>
      <TableCell
        className={cn(
          stacked,
          "whitespace-normal break-all @4xl:max-w-56",
          // Stacked, the preview has no column header above it: its label comes first (generated
          // content, so the cell's text stays the value alone).
          "before:text-muted-foreground before:block before:text-xs before:font-medium before:content-[attr(data-label)] @4xl:before:content-none",
        )}
        data-label={t("preview")}
        data-testid={`preview-${rule.objectType}-${rule.targetField}`}
      >
        {preview.kind === "value" && <code className="text-sm">{preview.text}</code>}
        {preview.kind === "value" && preview.note && (
          <p className="text-muted-foreground mt-1 text-xs">{words.text(preview.note)}</p>
        )}
        {preview.kind === "refused" && <span className="text-destructive text-sm">{words.text(preview.note)}</span>}
        {preview.kind === "empty" && <span className="text-muted-foreground text-sm italic">{t("previewEmpty")}</span>}
        {/* An error of the source itself is said once, under the source. */}
        {preview.kind === "error" && !sourceProblem && (
          <span className="text-destructive text-sm">{preview.message}</span>
        )}
        {(preview.kind === "none" || (preview.kind === "error" && sourceProblem)) && (
          <span className="text-muted-foreground text-sm">—</span>
        )}
      </TableCell>
      <TableCell>
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          aria-label={t("deleteRule", { name })}
          disabled={rule.kind === "disabled"}
          onClick={() => onChange({ ...rule, kind: "disabled", isMappingIdentifier: false })}
        >
          <Trash2 aria-hidden />
        </Button>
      </TableCell>
    </TableRow>
  );
}
