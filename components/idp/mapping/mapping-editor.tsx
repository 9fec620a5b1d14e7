"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { saveMappingAction } from "@/app/actions/idp/save-mapping";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { standardFields, suggestedFix, type ExpressionLocale } from "@/lib/expression";
import { checkRules, checkScopeFilter, identifierFieldOf, mappingFieldCatalog, type MappingRule } from "@/lib/mapping";
import { ruleMessages, type RuleMessage } from "@/lib/messages/rule-problems";
import { useWords } from "@/components/messages/use-words";
import { usableFallbacks, type MatchFallback } from "@/lib/sync/matching";
import { AddFieldForm } from "./add-field-form";
import { FunctionReference } from "./function-reference";
import { MappingRow, type FieldOption, type RowProblem } from "./mapping-row";
import { MatchingSection } from "./matching-section";
import { ScopeFilterSection } from "./scope-filter-section";
import { previewRule } from "./preview";
import { SampleAccountPicker, SampleOuPicker } from "./sample-picker";
import { useRuleProblemText } from "./use-rule-problem-text";

type Props = {
  idpId: string;
  initialRules: MappingRule[];
  /** The stored matching fallbacks, in order (none by default). */
  initialMatchFallbacks?: MatchFallback[];
  /** The stored scoping filter ("" for none). */
  initialScopeFilter?: string;
  customFields: { id: string; displayName: string }[];
  mode: "wizard" | "update";
  /** Configure Field Mapping: offer "Save and sync" besides "Save" (an enabled IdP). */
  canSync?: boolean;
  onPrevious?: () => void;
  onSaved: (result: { runId: string | null; planId: string | null; mode: "sync" | "save" | "update" }) => void;
};

/** The mapping editor of wizard step 4 and Configure Field Mapping; validation and preview run in the browser. */
export function MappingEditor({
  idpId,
  initialRules,
  initialMatchFallbacks = [],
  initialScopeFilter = "",
  customFields,
  mode,
  canSync = false,
  onPrevious,
  onSaved,
}: Props) {
  const t = useTranslations("mapping");
  const tf = useTranslations("mapping.fields");
  const locale = useLocale() as ExpressionLocale;
  const messages = useWords();
  const [rules, setRules] = useState(initialRules);
  const [fallbacks, setFallbacks] = useState<MatchFallback[]>(initialMatchFallbacks);
  const [scopeFilter, setScopeFilter] = useState(initialScopeFilter);
  const [scopeFilterError, setScopeFilterError] = useState<string | undefined>();
  const identifierField = identifierFieldOf(rules);
  const [sample, setSample] = useState<{
    idpUser?: object;
    idpOrganizationalUnit?: object;
    userLabel?: string;
    ouLabel?: string;
  }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  // What the server's re-check refused that the browser's did not (a custom field deleted meanwhile).
  const [serverProblems, setServerProblems] = useState<RuleMessage[]>([]);
  const problemText = useRuleProblemText();
  const [saving, setSaving] = useState<null | "sync" | "save" | "update">(null);

  const catalog = useMemo(() => mappingFieldCatalog(customFields.map((f) => f.id)), [customFields]);
  const userOptions: FieldOption[] = useMemo(
    () => [
      ...Object.keys(standardFields.idpUser)
        .filter((k) => k !== "customFields")
        .map((k) => ({ path: `idpUser.${k}`, label: tf.has(k) ? tf(k) : k })),
      ...customFields.map((f) => ({ path: `idpUser.customFields.${f.id}`, label: f.displayName })),
    ],
    [customFields, tf],
  );
  const ouOptions: FieldOption[] = useMemo(
    () =>
      Object.keys(standardFields.idpOrganizationalUnit).map((k) => ({
        path: `idpOrganizationalUnit.${k}`,
        label: tf.has(k) ? tf(k) : k,
      })),
    [tf],
  );
  const fieldPaths = useMemo(
    () => ["idpUser", "idpOrganizationalUnit", ...userOptions.map((o) => o.path), ...ouOptions.map((o) => o.path)],
    [userOptions, ouOptions],
  );

  const problems = useMemo(() => checkRules(rules, catalog), [rules, catalog]);
  const problemsOf = (index: number): RowProblem[] => [
    ...problems
      .filter((p) => p.index === index)
      .map((p) =>
        p.code === "expression"
          ? {
              field: p.field,
              message: problemText(p),
              range: { start: p.start, end: p.end },
              fix: suggestedFix(rules[index].source, p.params, p),
            }
          : { field: p.field, message: problemText(p) },
      ),
    // Only while the browser's check passes: the server's refusals of the same rules would repeat them.
    ...(problems.length > 0 ? [] : serverProblems)
      .filter((p) => p.index === index)
      .map(({ field, message }) => ({
        field,
        message: problemText(message),
        range:
          message.code === "mappingErrors.expression"
            ? { start: message.params.start, end: message.params.end }
            : undefined,
      })),
  ];

  const update = (index: number, rule: MappingRule) => {
    setServerProblems([]);
    setRules((rs) => rs.map((r, i) => (i === index ? rule : r)));
  };
  const setIdentifier = (index: number) =>
    setRules((rs) => rs.map((r, i) => (r.objectType === "user" ? { ...r, isMappingIdentifier: i === index } : r)));

  const save = async (saveMode: "sync" | "save" | "update") => {
    setServerError(null);
    if (problems.length > 0 || (scopeFilter.trim() && checkScopeFilter(scopeFilter, catalog).problem))
      return setServerError(t("fixErrors"));
    setSaving(saveMode);
    const matchFallbacks = usableFallbacks(fallbacks, identifierField);
    const result = await saveMappingAction({ id: idpId, rules, matchFallbacks, scopeFilter, mode: saveMode });
    setSaving(null);
    if (result.ok) return onSaved({ ...result.data, mode: saveMode });
    setServerProblems(ruleMessages(result.error.fieldErrors));
    setScopeFilterError(messages.fieldText(result.error.fieldErrors?.scopeFilter?.[0]));
    setServerError(messages.text(result.error));
  };

  const section = (objectType: MappingRule["objectType"]) => {
    const indexed = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.objectType === objectType);
    const isUser = objectType === "user";
    return (
      <section aria-labelledby={`${objectType}-fields`} className="@container space-y-3">
        <h3 id={`${objectType}-fields`} className="text-lg font-medium">
          {isUser ? t("userFields") : t("orgFields")}
        </h3>
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                {isUser && (
                  <TableHead className="w-20 text-center whitespace-normal @4xl:w-24">{t("identifier")}</TableHead>
                )}
                <TableHead>{t("dingtalkField")}</TableHead>
                {/* Stacked under the DingTalk field on a narrow editor (see MappingRow); each control is labelled. */}
                <TableHead className="hidden @4xl:table-cell">{t("kind")}</TableHead>
                <TableHead className="hidden @4xl:table-cell">{t("source")}</TableHead>
                <TableHead className="hidden @4xl:table-cell">{t("preview")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {indexed.map(({ rule, index }) => (
                <MappingRow
                  key={`${rule.objectType}-${rule.targetField}`}
                  rule={rule}
                  index={index}
                  fieldOptions={isUser ? userOptions : ouOptions}
                  fieldPaths={fieldPaths}
                  problems={problemsOf(index)}
                  preview={previewRule(rule, sample, catalog, locale)}
                  onChange={(r) => update(index, r)}
                  onIdentifier={isUser ? () => setIdentifier(index) : undefined}
                />
              ))}
            </TableBody>
          </Table>
        </div>
        <AddFieldForm
          objectType={objectType}
          rules={rules}
          catalog={catalog}
          onAdd={(rule) => setRules((rs) => [...rs, rule])}
        />
      </section>
    );
  };

  return (
    <div className="@container space-y-8">
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      <section
        aria-labelledby="preview-heading"
        className="bg-muted/40 grid gap-4 rounded-lg border p-4 @2xl:grid-cols-2"
      >
        <h3 id="preview-heading" className="font-medium @2xl:col-span-2">
          {t("previewTitle")}
        </h3>
        <div className="space-y-2">
          <SampleAccountPicker onPicked={(userLabel, idpUser) => setSample((s) => ({ ...s, idpUser, userLabel }))} />
          <p className="text-sm" role="status" data-testid="sample-account">
            {sample.userLabel ? t("previewFor", { name: sample.userLabel }) : t("pickSample")}
          </p>
        </div>
        <div className="space-y-2">
          <SampleOuPicker
            onPicked={(ouLabel, idpOrganizationalUnit) => setSample((s) => ({ ...s, idpOrganizationalUnit, ouLabel }))}
          />
          <p className="text-sm" role="status">
            {sample.ouLabel ? t("previewFor", { name: sample.ouLabel }) : t("pickSampleOu")}
          </p>
        </div>
      </section>
      <FunctionReference />
      {section("user")}
      <MatchingSection identifierField={identifierField} value={fallbacks} onChange={setFallbacks} />
      <ScopeFilterSection
        idpId={idpId}
        value={scopeFilter}
        onChange={(next) => {
          setScopeFilterError(undefined);
          setScopeFilter(next);
        }}
        catalog={catalog}
        fieldPaths={fieldPaths}
        sample={sample.idpUser}
        serverError={scopeFilterError}
      />
      {section("organization")}
      {serverError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription data-testid="form-error">{serverError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {onPrevious && (
          <Button type="button" variant="outline" onClick={onPrevious}>
            {t("previous")}
          </Button>
        )}
        {mode === "wizard" ? (
          <>
            <Button type="button" disabled={saving !== null} onClick={() => void save("sync")}>
              {saving === "sync" ? t("saving") : t("saveAndSync")}
            </Button>
            <Button type="button" variant="outline" disabled={saving !== null} onClick={() => void save("save")}>
              {saving === "save" ? t("saving") : t("saveOnly")}
            </Button>
          </>
        ) : (
          <>
            {canSync && (
              <Button type="button" disabled={saving !== null} onClick={() => void save("sync")}>
                {saving === "sync" ? t("saving") : t("saveAndSync")}
              </Button>
            )}
            <Button
              type="button"
              variant={canSync ? "outline" : "default"}
              disabled={saving !== null}
              onClick={() => void save("update")}
            >
              {saving === "update" ? t("saving") : t("save")}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
