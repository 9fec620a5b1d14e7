"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveAlertsAction } from "@/app/actions/idp/save-alerts";
import { testAlertAction } from "@/app/actions/idp/test-alert";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  ALERT_KINDS,
  ALERT_LANGUAGES,
  ZAlertSettingsSchema,
  type AlertSettingsView,
  type AlertTestResult,
  type TAlertSettingsInput,
} from "@/lib/alerts/kinds";
import type { Message } from "@/lib/messages";

type Errors = Partial<Record<string, string>>;
type Channel = "robot" | "mail";

function initial(view: AlertSettingsView): TAlertSettingsInput {
  const { hasRobotUrl: _u, hasRobotSecret: _s, hasSmtpPassword: _p, ...rest } = view;
  return { ...rest, robotUrl: "", robotSecret: "", smtpPassword: "" };
}

/** Modify > Alerts: where this IdP's alerts go, which ones, and a test message per channel. */
export function AlertsForm({ view, onSaved }: { view: AlertSettingsView; onSaved: () => void }) {
  const t = useTranslations("alerts");
  const words = useWords();
  const [values, setValues] = useState(() => initial(view));
  const [errors, setErrors] = useState<Errors>({});
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<AlertTestResult | null>(null);
  const set = <K extends keyof TAlertSettingsInput>(key: K, value: TAlertSettingsInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = ZAlertSettingsSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), words.fieldText(i.message)])));
      return;
    }
    setBusy(true);
    const saved = await saveAlertsAction(parsed.data);
    setBusy(false);
    if (!saved.ok) {
      const fields = saved.error.fieldErrors ?? {};
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, words.fieldText(v?.[0] as Message)])));
      if (!saved.error.fieldErrors) setErrors({ form: words.text(saved.error) });
      return;
    }
    setErrors({});
    setValues((v) => ({ ...v, robotUrl: "", robotSecret: "", smtpPassword: "" }));
    onSaved();
  };

  const test = async (channel: Channel) => {
    setBusy(true);
    setResult(null);
    const answer = await testAlertAction({ id: view.id, channel });
    setBusy(false);
    if (!answer.ok) return setErrors({ form: words.text(answer.error) });
    setResult(answer.data);
  };

  type TextField =
    "robotUrl" | "robotSecret" | "smtpHost" | "smtpPort" | "smtpUser" | "smtpPassword" | "mailFrom" | "mailTo";
  const text = (id: TextField, label: string, extra: React.ComponentProps<"input"> = {}, description?: string) => (
    <FormField id={id} label={label} error={errors[id]} description={description}>
      <Input
        {...fieldAria(id, errors[id], Boolean(description))}
        {...extra}
        value={String(values[id] ?? "")}
        onChange={(e) => set(id, (id === "smtpPort" ? Number(e.target.value) : e.target.value) as never)}
      />
    </FormField>
  );
  const secretStatus = (isSet: boolean) => (isSet ? t("secretSet") : t("secretNotSet"));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="max-w-2xl space-y-6" aria-label={t("title")}>
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      {errors.form && (
        <p role="alert" className="text-destructive text-sm">
          {errors.form}
        </p>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("kindsLegend")}</legend>
        {ALERT_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={values.kinds.includes(kind)}
              onChange={(e) =>
                set("kinds", e.target.checked ? [...values.kinds, kind] : values.kinds.filter((k) => k !== kind))
              }
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
        <p className="text-muted-foreground text-xs">{t("coalesceHint")}</p>
      </fieldset>
      <FormField id="alertLanguage" label={t("language")} description={t("languageHint")}>
        <NativeSelect
          id="alertLanguage"
          aria-describedby="alertLanguage-description"
          value={values.language}
          onChange={(e) => set("language", e.target.value as TAlertSettingsInput["language"])}
        >
          {ALERT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </NativeSelect>
      </FormField>

      <fieldset className="space-y-4 rounded-md border p-4">
        <legend className="px-1 text-sm font-medium">{t("robotLegend")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.robotEnabled}
            onChange={(e) => set("robotEnabled", e.target.checked)}
          />
          {t("robotEnabled")}
        </label>
        {values.robotEnabled && (
          <>
            {text(
              "robotUrl",
              t("robotUrl"),
              {
                type: "password",
                autoComplete: "off",
                placeholder: view.hasRobotUrl
                  ? t("keepPlaceholder")
                  : "https://oapi.dingtalk.com/robot/send?access_token=…",
              },
              `${t("robotUrlHint")} ${secretStatus(view.hasRobotUrl)}`,
            )}
            {text(
              "robotSecret",
              t("robotSecret"),
              {
                type: "password",
                autoComplete: "new-password",
                placeholder: view.hasRobotSecret ? t("keepPlaceholder") : "SEC…",
              },
              `${t("robotSecretHint")} ${secretStatus(view.hasRobotSecret)}`,
            )}
          </>
        )}
        <Button
          type="button"
          variant="outline"
          disabled={isBusy || !view.hasRobotUrl}
          onClick={() => void test("robot")}
        >
          {t("testRobot")}
        </Button>
      </fieldset>

      <fieldset className="space-y-4 rounded-md border p-4">
        <legend className="px-1 text-sm font-medium">{t("mailLegend")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.mailEnabled} onChange={(e) => set("mailEnabled", e.target.checked)} />
          {t("mailEnabled")}
        </label>
        {values.mailEnabled && (
          <>
            {text("smtpHost", t("smtpHost"), { autoComplete: "off" })}
            {text("smtpPort", t("smtpPort"), { type: "number", inputMode: "numeric" })}
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={values.smtpSecure}
                onChange={(e) => set("smtpSecure", e.target.checked)}
              />
              {t("smtpSecure")}
            </label>
            {text("smtpUser", t("smtpUser"), { autoComplete: "off" })}
            {text(
              "smtpPassword",
              t("smtpPassword"),
              {
                type: "password",
                autoComplete: "new-password",
                placeholder: view.hasSmtpPassword ? t("keepPlaceholder") : "",
              },
              secretStatus(view.hasSmtpPassword),
            )}
            {text("mailFrom", t("mailFrom"), { type: "email", autoComplete: "off" })}
            {text("mailTo", t("mailTo"), { autoComplete: "off" }, t("mailToHint"))}
          </>
        )}
        <Button
          type="button"
          variant="outline"
          disabled={isBusy || !view.mailEnabled}
          onClick={() => void test("mail")}
        >
          {t("testMail")}
        </Button>
      </fieldset>
      <p className="text-muted-foreground text-xs">{t("testHint")}</p>
      <p className="text-muted-foreground text-xs">{t("secretCleared")}</p>

      <div role="status" aria-live="polite" data-testid="alert-test-result" className="text-sm">
        {result && <TestResultWords result={result} />}
      </div>
      <Button type="submit" disabled={isBusy}>
        {t("save")}
      </Button>
    </form>
  );
}

const ROBOT_REASONS = [
  "bad_signature",
  "too_fast",
  "bad_token",
  "rejected",
  "unsafe_url",
  "network",
  "timeout",
  "bad_response",
  "not_configured",
] as const;
const MAIL_REASONS = [
  "auth",
  "connection",
  "timeout",
  "envelope",
  "tls",
  "rejected",
  "unsafe_host",
  "not_configured",
] as const;

function TestResultWords({ result }: { result: AlertTestResult }) {
  const t = useTranslations("alerts.result");
  if (result.channel === "robot") {
    if (result.ok) return <p className="text-emerald-700">{t("robotOk")}</p>;
    const reason = (ROBOT_REASONS as readonly string[]).includes(result.reason) ? result.reason : "rejected";
    return (
      <p className="text-destructive">
        {t(`robot.${reason as (typeof ROBOT_REASONS)[number]}`, {
          errcode: result.errcode ?? 0,
          errmsg: result.errmsg ?? "",
        })}
      </p>
    );
  }
  if (result.ok) return <p className="text-emerald-700">{t("mailOk", { response: result.response })}</p>;
  const reason = (MAIL_REASONS as readonly string[]).includes(result.reason) ? result.reason : "rejected";
  return (
    <p className="text-destructive">
      {t(`mail.${reason as (typeof MAIL_REASONS)[number]}`)}{" "}
      {result.response ? t("mailAnswer", { response: result.response }) : null}
    </p>
  );
}
