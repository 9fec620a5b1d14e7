"use client";

import { AlertTriangle, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { lookupTargetDeptAction } from "@/app/actions/idp/lookup-target-dept";
import { saveScenarioAction } from "@/app/actions/idp/save-scenario";
import { OuSearch } from "@/components/directory/ou-search";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { DEPROVISION_POLICIES, type DeprovisionPolicyName } from "@/lib/sync/deprovision";
import { useWords } from "@/components/messages/use-words";

export type ScenarioDefaults = {
  sourceOuIds: string[];
  ouNames: Record<string, string>;
  targetDeptId: number;
  incrementalSync: boolean;
  qrLogin: boolean;
  inAppSso: boolean;
  reviewBeforeWriting: boolean;
  deprovisionPolicy: DeprovisionPolicyName;
  deprovisionDeptId: number | null;
};

type Props = {
  id: string;
  defaults: ScenarioDefaults;
  hasFullSync: boolean;
  submitLabel: string;
  onPrevious?: () => void;
  onSaved: () => void;
};

/** Wizard step 3 "Select scenario"; also Modify > scenario. */
export function ScenarioForm({ id, defaults, hasFullSync, submitLabel, onPrevious, onSaved }: Props) {
  const t = useTranslations("wizard.scenario");
  const messages = useWords();
  const [sourceOuIds, setSourceOuIds] = useState(defaults.sourceOuIds);
  const [names, setNames] = useState(defaults.ouNames);
  const [deptText, setDeptText] = useState(String(defaults.targetDeptId));
  const [deptName, setDeptName] = useState<string | null>(null);
  const [incrementalSync, setIncremental] = useState(defaults.incrementalSync);
  const [qrLogin, setQrLogin] = useState(defaults.qrLogin);
  const [inAppSso, setInAppSso] = useState(defaults.inAppSso);
  const [reviewBeforeWriting, setReview] = useState(defaults.reviewBeforeWriting);
  const [policy, setPolicy] = useState<DeprovisionPolicyName>(defaults.deprovisionPolicy);
  const [holdingText, setHoldingText] = useState(defaults.deprovisionDeptId ? String(defaults.deprovisionDeptId) : "");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const deptId = /^\d{1,15}$/.test(deptText.trim()) ? Number(deptText.trim()) : null;
  const holdingId = /^\d{1,15}$/.test(holdingText.trim()) ? Number(holdingText.trim()) : null;

  const lookup = async () => {
    setDeptName(null);
    if (deptId === null || deptId < 1) return setErrors((e) => ({ ...e, targetDeptId: t("deptIdInvalid") }));
    const result = await lookupTargetDeptAction({ id, deptId });
    if (result.ok) {
      setDeptName(result.data.name);
      setErrors((e) => ({ ...e, targetDeptId: undefined }));
    } else
      setErrors((e) => ({
        ...e,
        targetDeptId: messages.fieldText(result.error.fieldErrors?.targetDeptId?.[0]) ?? messages.text(result.error),
      }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const local: Record<string, string | undefined> = {};
    if (sourceOuIds.length === 0) local.sourceOuIds = t("sourceRequired");
    if (deptId === null || deptId < 1) local.targetDeptId = t("deptIdInvalid");
    if (policy === "move" && (holdingId === null || holdingId < 1)) local.deprovisionDeptId = t("deptIdInvalid");
    setErrors(local);
    if (Object.values(local).some(Boolean) || deptId === null) return;
    setSaving(true);
    const result = await saveScenarioAction({
      id,
      sourceOuIds,
      targetDeptId: deptId,
      incrementalSync,
      qrLogin,
      inAppSso,
      reviewBeforeWriting,
      deprovisionPolicy: policy,
      deprovisionDeptId: policy === "move" ? holdingId : null,
    });
    setSaving(false);
    if (result.ok) {
      setDeptName(result.data.name);
      return onSaved();
    }
    const next: Record<string, string | undefined> = {};
    for (const [field, keys] of Object.entries(result.error.fieldErrors ?? {}))
      next[field] = messages.fieldText(keys[0]);
    setErrors(next);
    setFormError(messages.text(result.error));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("title")} className="max-w-3xl space-y-6">
      <Alert variant="warning">
        <AlertTriangle aria-hidden />
        <AlertDescription>{t("smallScopeWarning")}</AlertDescription>
      </Alert>
      <p className="text-sm">{t("direction")}</p>
      <section aria-labelledby="source-heading" className="space-y-3">
        <h3 id="source-heading" className="font-medium">
          {t("source")}
        </h3>
        <p className="text-muted-foreground text-sm">{t("sourceHint")}</p>
        {sourceOuIds.length > 0 && (
          <ul className="space-y-1" aria-label={t("selectedSources")}>
            {sourceOuIds.map((ouId) => (
              <li key={ouId} className="flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm">
                <span className="flex-1">{names[ouId] ?? ouId}</span>
                <Button
                  type="button"
                  size="icon-sm"
                  variant="ghost"
                  aria-label={t("removeSource", { name: names[ouId] ?? ouId })}
                  onClick={() => setSourceOuIds((ids) => ids.filter((x) => x !== ouId))}
                >
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
        {errors.sourceOuIds && (
          <p role="alert" className="text-destructive text-sm">
            {errors.sourceOuIds}
          </p>
        )}
        <OuSearch
          label={t("addSource")}
          excludeIds={sourceOuIds}
          onPick={(ou) => {
            setNames((n) => ({ ...n, [ou.id]: ou.path }));
            setSourceOuIds((ids) => [...ids, ou.id]);
            // The scope is no longer empty: its error goes at once, not at the next Next.
            setErrors((e) => ({ ...e, sourceOuIds: undefined }));
          }}
        />
      </section>
      <section className="space-y-2">
        <FormField id="targetDeptId" label={t("target")} description={t("targetHint")} error={errors.targetDeptId}>
          <div className="flex gap-2">
            <Input
              {...fieldAria("targetDeptId", errors.targetDeptId, true)}
              value={deptText}
              inputMode="numeric"
              className="max-w-48"
              onChange={(e) => {
                setDeptText(e.target.value);
                setDeptName(null);
              }}
              onBlur={() => void lookup()}
            />
            <Button type="button" variant="outline" onClick={() => void lookup()}>
              {t("checkTarget")}
            </Button>
          </div>
        </FormField>
        {deptName && (
          <p className="text-sm" role="status" data-testid="target-name">
            {t("targetName", { name: deptName })}
          </p>
        )}
      </section>
      <section className="space-y-4">
        <div className="flex items-start gap-3">
          <Switch
            id="incrementalSync"
            checked={incrementalSync}
            onCheckedChange={setIncremental}
            disabled={!hasFullSync && !incrementalSync}
            aria-describedby="incrementalSync-description"
          />
          <div className="grid gap-1">
            <Label htmlFor="incrementalSync">{t("incremental")}</Label>
            <p id="incrementalSync-description" className="text-muted-foreground text-sm">
              {hasFullSync ? t("incrementalHint") : t("incrementalLocked")}
            </p>
            {errors.incrementalSync && (
              <p role="alert" className="text-destructive text-sm">
                {errors.incrementalSync}
              </p>
            )}
          </div>
        </div>
        <div className="flex items-start gap-3">
          <Switch id="qrLogin" checked={qrLogin} onCheckedChange={setQrLogin} aria-describedby="qrLogin-description" />
          <div className="grid gap-1">
            <Label htmlFor="qrLogin">{t("qrLogin")}</Label>
            <p id="qrLogin-description" className="text-muted-foreground text-sm">
              {t("qrLoginHint")}
            </p>
          </div>
        </div>
        <div className="flex items-start gap-3">
          <Switch
            id="inAppSso"
            checked={inAppSso}
            onCheckedChange={setInAppSso}
            aria-describedby="inAppSso-description"
          />
          <div className="grid gap-1">
            <Label htmlFor="inAppSso">{t("inAppSso")}</Label>
            <p id="inAppSso-description" className="text-muted-foreground text-sm">
              {t("inAppSsoHint")}
            </p>
          </div>
        </div>
        <div className="flex items-start gap-3">
          <Switch
            id="reviewBeforeWriting"
            checked={reviewBeforeWriting}
            onCheckedChange={setReview}
            aria-describedby="reviewBeforeWriting-description"
          />
          <div className="grid gap-1">
            <Label htmlFor="reviewBeforeWriting">{t("reviewBeforeWriting")}</Label>
            <p id="reviewBeforeWriting-description" className="text-muted-foreground text-sm">
              {t("reviewBeforeWritingHint")}
            </p>
          </div>
        </div>
      </section>
      <section aria-labelledby="deprovision-heading" className="space-y-3">
        <h3 id="deprovision-heading" className="font-medium">
          {t("deprovision")}
        </h3>
        <p id="deprovision-description" className="text-muted-foreground text-sm">
          {t("deprovisionHint")}
        </p>
        <RadioGroup
          name="deprovisionPolicy"
          value={policy}
          onValueChange={(value) => setPolicy(value as DeprovisionPolicyName)}
          aria-labelledby="deprovision-heading"
          aria-describedby="deprovision-description"
        >
          {DEPROVISION_POLICIES.map((value) => (
            <div key={value} className="flex items-start gap-3">
              <RadioGroupItem
                id={`deprovision-${value}`}
                value={value}
                className="mt-0.5"
                aria-describedby={`deprovision-${value}-description`}
              />
              <div className="grid gap-1">
                <Label htmlFor={`deprovision-${value}`}>{t(`deprovision_${value}`)}</Label>
                <p id={`deprovision-${value}-description`} className="text-muted-foreground text-sm">
                  {t(`deprovision_${value}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </RadioGroup>
        {policy === "move" && (
          <FormField
            id="deprovisionDeptId"
            label={t("holdingDept")}
            description={t("holdingDeptHint")}
            error={errors.deprovisionDeptId}
          >
            <Input
              {...fieldAria("deprovisionDeptId", errors.deprovisionDeptId, true)}
              value={holdingText}
              inputMode="numeric"
              className="max-w-48"
              onChange={(e) => setHoldingText(e.target.value)}
            />
          </FormField>
        )}
      </section>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription data-testid="form-error">{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex gap-2">
        {onPrevious && (
          <Button type="button" variant="outline" onClick={onPrevious}>
            {t("previous")}
          </Button>
        )}
        <Button type="submit" disabled={isSaving}>
          {isSaving ? t("checking") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
