"use client";

import { FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { Controller, useForm, useWatch } from "react-hook-form";
import { saveApplicationAction } from "@/app/actions/idp/save-application";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Label } from "@/components/ui/label";
import type { FieldErrors } from "@/lib/messages/codes";
import type { TApplicationInput } from "@/lib/schemas/idp";
import { useState } from "react";
import { useWords } from "@/components/messages/use-words";
import { DeveloperInfoList, type DeveloperInfo } from "./developer-info";

type Props = {
  defaults: TApplicationInput;
  hasSecret: boolean;
  developerInfo: DeveloperInfo;
  sandboxUrl: string | null;
  submitLabel: string;
  onSaved: (id: string) => void;
};

type TextField = "displayName" | "corpId" | "appKey" | "appSecret" | "apiBaseUrl" | "v1BaseUrl" | "loginBaseUrl";

const ENDPOINT_FIELDS = ["apiBaseUrl", "v1BaseUrl", "loginBaseUrl"] as const;

/** The text fields on screen, in form order. */
function shownFields(edition: string): TextField[] {
  const base: TextField[] = ["displayName", "corpId", "appKey", "appSecret"];
  return edition === "private" ? [...base, ...ENDPOINT_FIELDS] : base;
}

/** Whether the form points the IdP at another edition or base URL than the saved one. */
function changesEndpoint(saved: TApplicationInput, edition: string, urls: readonly (string | undefined)[]): boolean {
  if (edition !== saved.edition) return true;
  return (
    edition === "private" && ENDPOINT_FIELDS.some((field, i) => (urls[i] ?? "").trim() !== (saved[field] ?? "").trim())
  );
}

/** A field marked by an error whose words stand under its owner field is described by those words. */
function describedByOwner(aria: ReturnType<typeof fieldAria>, owner: TextField | undefined) {
  if (!owner) return aria;
  return { ...aria, "aria-describedby": [aria["aria-describedby"], `${owner}-error`].filter(Boolean).join(" ") };
}

/** Wizard step 1 "Create application"; also Modify > basic settings. */
export function ApplicationForm({ defaults, hasSecret, developerInfo, sandboxUrl, submitLabel, onSaved }: Props) {
  const t = useTranslations("wizard.application");
  const messages = useWords();
  const [formError, setFormError] = useState<string | null>(null);
  // A field marked invalid by an error whose words stand under another field (its owner).
  const [errorOwners, setErrorOwners] = useState<Partial<Record<TextField, TextField>>>({});
  // Validated by the server action (ZApplicationSchema), whose field errors land on the fields:
  // every Next needs DingTalk's answer anyway, and zod stays out of this page's JavaScript.
  const form = useForm<TApplicationInput>({ defaultValues: defaults });
  const { control, handleSubmit, setError, setValue, formState } = form;
  const edition = useWatch({ control, name: "edition" });
  const urls = useWatch({ control, name: ENDPOINT_FIELDS });
  // A stored AppSecret is only sent where it was entered for (issue 14): a new endpoint needs it typed again.
  const mustReenterSecret = hasSecret && changesEndpoint(defaults, edition, urls);

  /**
   * The server's field errors on the fields shown; false when none is shown. One failure may point
   * at several fields (DingTalk cannot tell a wrong AppKey from a wrong AppSecret): its words stand
   * once, under the last of them, and the others are marked invalid and described by those words.
   */
  const showFieldErrors = (fieldErrors: FieldErrors | undefined): boolean => {
    const byWords = new Map<string, TextField[]>();
    for (const field of shownFields(edition)) {
      const words = messages.fieldText(fieldErrors?.[field]?.[0]);
      if (words) byWords.set(words, [...(byWords.get(words) ?? []), field]);
    }
    const owners: Partial<Record<TextField, TextField>> = {};
    let isFirst = true;
    for (const [words, fields] of byWords) {
      const owner = fields[fields.length - 1];
      for (const field of fields.slice(0, -1)) {
        owners[field] = owner;
        setError(field, { type: "server", message: "" });
      }
      setError(owner, { type: "server", message: words }, { shouldFocus: isFirst });
      isFirst = false;
    }
    setErrorOwners(owners);
    return byWords.size > 0;
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setErrorOwners({});
    if (mustReenterSecret && !values.appSecret?.trim()) {
      const reentry = messages.text({ code: "errors.appSecretReentry" });
      return setError("appSecret", { message: reentry }, { shouldFocus: true });
    }
    const result = await saveApplicationAction(values);
    if (result.ok) return onSaved(result.data.id);
    // Reported once: under the fields it concerns, else above the buttons.
    if (!showFieldErrors(result.error.fieldErrors)) setFormError(messages.text(result.error));
  });

  const useSandbox = () => {
    if (!sandboxUrl) return;
    const fill: Partial<TApplicationInput> = {
      corpId: "dingsandboxcorp",
      appKey: "dingsandboxkey",
      appSecret: "dingsandboxsecret",
      edition: "private",
      apiBaseUrl: sandboxUrl,
      v1BaseUrl: sandboxUrl,
      loginBaseUrl: sandboxUrl,
    };
    for (const [k, v] of Object.entries(fill)) setValue(k as TextField, v as string, { shouldValidate: true });
    if (!form.getValues("displayName")) setValue("displayName", t("sandboxName"), { shouldValidate: true });
  };

  const text = (name: TextField, label: string, props: React.ComponentProps<"input"> = {}, description?: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        // A field marked by its owner's error stays marked while the owner's words are shown.
        const owner = errorOwners[name];
        const isMarked = Boolean(fieldState.error) && (!owner || Boolean(formState.errors[owner]));
        const error = isMarked ? { message: messages.fieldText(fieldState.error?.message) } : undefined;
        const aria = fieldAria(name, error, Boolean(description));
        return (
          <FormField id={name} label={label} error={error} description={description}>
            <Input
              {...field}
              value={field.value ?? ""}
              {...describedByOwner(aria, isMarked ? owner : undefined)}
              {...props}
            />
          </FormField>
        );
      }}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-4">
        {sandboxUrl && (
          <Button type="button" variant="outline" onClick={useSandbox}>
            <FlaskConical aria-hidden /> {t("useSandbox")}
          </Button>
        )}
        {text("displayName", t("displayName"), { required: true })}
        {text("corpId", t("corpId"), { required: true, autoComplete: "off", spellCheck: false }, t("corpIdHint"))}
        {text("appKey", t("appKey"), { required: true, autoComplete: "off", spellCheck: false }, t("appKeyHint"))}
        {text(
          "appSecret",
          t("appSecret"),
          {
            type: "password",
            autoComplete: "new-password",
            required: !hasSecret || mustReenterSecret,
            placeholder: hasSecret && !mustReenterSecret ? "••••••••" : undefined,
          },
          mustReenterSecret ? t("appSecretReenter") : hasSecret ? t("appSecretKeep") : t("appSecretHint"),
        )}
        <Controller
          control={control}
          name="edition"
          render={({ field }) => (
            <FormField id="edition" label={t("edition")} asFieldset>
              <RadioGroup value={field.value} onValueChange={field.onChange} className="flex flex-wrap gap-6">
                <div className="flex items-center gap-2">
                  <RadioGroupItem value="public" id="edition-public" />
                  <Label htmlFor="edition-public">{t("editionPublic")}</Label>
                </div>
                <div className="flex items-center gap-2">
                  <RadioGroupItem value="private" id="edition-private" />
                  <Label htmlFor="edition-private">{t("editionPrivate")}</Label>
                </div>
              </RadioGroup>
            </FormField>
          )}
        />
        {edition === "private" && (
          <div className="grid gap-4 rounded-lg border p-4">
            {text("apiBaseUrl", t("apiBaseUrl"), { inputMode: "url", placeholder: "https://oapi.example.com" })}
            {text("v1BaseUrl", t("v1BaseUrl"), { inputMode: "url", placeholder: "https://api.example.com" })}
            {text("loginBaseUrl", t("loginBaseUrl"), { inputMode: "url", placeholder: "https://login.example.com" })}
          </div>
        )}
        {formError && (
          <Alert variant="destructive" role="alert">
            <AlertDescription data-testid="form-error">{formError}</AlertDescription>
          </Alert>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("checking") : submitLabel}
          </Button>
        </div>
      </div>
      <DeveloperInfoList info={developerInfo} />
    </form>
  );
}
