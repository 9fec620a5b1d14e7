"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveReconcileAction } from "@/app/actions/idp/save-reconcile";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  DRIFT_POLICIES,
  RECONCILE_SCHEDULES,
  ZReconcileSettingsSchema,
  type ReconcileSettingsView,
  type TReconcileSettingsSchema,
} from "@/lib/views/reconcile";

/** Modify > Reconciliation: when DingTalk is compared with the console, and what happens to drift. */
export function ReconcileForm({ view, onSaved }: { view: ReconcileSettingsView; onSaved: () => void }) {
  const t = useTranslations("reconcile");
  const words = useWords();
  const [values, setValues] = useState<TReconcileSettingsSchema>(() => ({
    id: view.id,
    schedule: view.schedule,
    everyHours: view.everyHours,
    at: view.at,
    driftPolicy: view.driftPolicy,
  }));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = <K extends keyof TReconcileSettingsSchema>(key: K, value: TReconcileSettingsSchema[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = ZReconcileSettingsSchema.safeParse(values);
    if (!parsed.success) return setError(t("invalid"));
    setBusy(true);
    const saved = await saveReconcileAction(parsed.data);
    setBusy(false);
    if (!saved.ok) return setError(saved.error.fieldErrors ? t("invalid") : words.text(saved.error));
    setError(null);
    onSaved();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="max-w-2xl space-y-6" aria-label={t("title")}>
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      {error && (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      )}
      <FormField id="reconcileSchedule" label={t("schedule")}>
        <NativeSelect
          id="reconcileSchedule"
          value={values.schedule}
          onChange={(e) => set("schedule", e.target.value as TReconcileSettingsSchema["schedule"])}
        >
          {RECONCILE_SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {t(`schedules.${s}`)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {values.schedule === "hours" && (
        <FormField id="reconcileEveryHours" label={t("everyHours")}>
          <Input
            {...fieldAria("reconcileEveryHours")}
            type="number"
            min={1}
            max={168}
            className="w-32"
            value={String(values.everyHours)}
            onChange={(e) => set("everyHours", Number(e.target.value))}
          />
        </FormField>
      )}
      {values.schedule === "daily" && (
        <FormField id="reconcileAt" label={t("at")} description={t("atHint", { zone: view.timeZone })}>
          <Input
            {...fieldAria("reconcileAt", undefined, true)}
            type="time"
            className="w-40"
            value={values.at}
            onChange={(e) => set("at", e.target.value)}
          />
        </FormField>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("driftPolicy")}</legend>
        {DRIFT_POLICIES.map((policy) => (
          <label key={policy} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="driftPolicy"
              value={policy}
              className="mt-1"
              checked={values.driftPolicy === policy}
              onChange={() => set("driftPolicy", policy)}
            />
            {t(`policies.${policy}`)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={isBusy}>
        {t("save")}
      </Button>
    </form>
  );
}
