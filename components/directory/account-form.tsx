"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Star, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { createAccountAction } from "@/app/actions/directory/create-account";
import { updateAccountAction } from "@/app/actions/directory/update-account";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ZAccountSchema, type TAccountInput } from "@/lib/schemas/account";
import type { CustomFieldDefinition } from "@/lib/schemas/custom-field";
import { OuSearch } from "./ou-search";
import { useWords } from "@/components/messages/use-words";

type Props = {
  accountId?: string;
  defaults: TAccountInput;
  ouNames: Record<string, string>;
  customFields: CustomFieldDefinition[];
};
type TextField =
  "username" | "displayName" | "email" | "phoneRegion" | "phoneNumber" | "employeeNumber" | "jobTitle" | "externalId";

export function AccountForm({ accountId, defaults, ouNames, customFields }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const messages = useWords();
  // Every defined custom field starts as "" so the record never holds undefined.
  const blankCustom = Object.fromEntries(customFields.map((d) => [d.id, ""]));
  const form = useForm<TAccountInput>({
    resolver: zodResolver(ZAccountSchema),
    defaultValues: { ...defaults, customFields: { ...blankCustom, ...defaults.customFields } },
  });
  const { control, handleSubmit, setError, setValue, formState } = form;
  const ouIds = useWatch({ control, name: "ouIds" }) ?? [];
  const primaryOuId = useWatch({ control, name: "primaryOuId" });
  const [names, setNames] = useState(ouNames);

  const onSubmit = handleSubmit(async (values) => {
    const result = accountId
      ? await updateAccountAction({ id: accountId, account: values })
      : await createAccountAction(values);
    if (result.ok) {
      toast.success(t(accountId ? "accounts.saved" : "accounts.created"));
      router.push("/directory/accounts");
      router.refresh();
      return;
    }
    for (const [field, keys] of Object.entries(result.error.fieldErrors ?? {})) {
      const path = (field.startsWith("account.") ? field.slice(8) : field) as FieldPath<TAccountInput>;
      setError(path, { message: messages.fieldText(keys[0]) });
    }
    toast.error(messages.text(result.error));
  });

  const text = (name: TextField, label: string, props: React.ComponentProps<"input"> = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField id={name} label={label} error={messages.fieldText(fieldState.error?.message)}>
          <Input {...field} value={field.value ?? ""} {...fieldAria(name, fieldState.error)} {...props} />
        </FormField>
      )}
    />
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-8"
      aria-label={t(accountId ? "accounts.editTitle" : "accounts.newTitle")}
    >
      <section className="grid gap-4 sm:grid-cols-2">
        {text("username", t("accounts.username"), { autoComplete: "off", required: true })}
        {text("displayName", t("accounts.displayName"), { required: true })}
        {text("email", t("accounts.email"), { type: "email" })}
        <div className="grid grid-cols-[6rem_1fr] gap-2">
          {text("phoneRegion", t("accounts.phoneRegion"), { inputMode: "numeric" })}
          {text("phoneNumber", t("accounts.mobile"), { inputMode: "tel" })}
        </div>
        {text("employeeNumber", t("accounts.employeeNumber"))}
        {text("jobTitle", t("accounts.jobTitle"))}
        {text("externalId", t("accounts.externalId"))}
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <FormField id="status" label={t("accounts.status")}>
              <Select value={field.value ?? "enabled"} onValueChange={field.onChange}>
                <SelectTrigger id="status" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="enabled">{t("accounts.enabled")}</SelectItem>
                  <SelectItem value="disabled">{t("accounts.disabled")}</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
          )}
        />
        <div className="sm:col-span-2">
          <Controller
            control={control}
            name="description"
            render={({ field, fieldState }) => (
              <FormField
                id="description"
                label={t("accounts.description")}
                error={messages.fieldText(fieldState.error?.message)}
              >
                <Textarea
                  {...field}
                  value={field.value ?? ""}
                  {...fieldAria("description", fieldState.error)}
                  rows={3}
                />
              </FormField>
            )}
          />
        </div>
      </section>

      <section className="space-y-3" aria-labelledby="ous-heading">
        <h2 id="ous-heading" className="text-lg font-medium">
          {t("accounts.organizations")}
        </h2>
        {ouIds.length === 0 && <p className="text-muted-foreground text-sm">{t("accounts.noOrganizations")}</p>}
        <ul className="space-y-1">
          {ouIds.map((id) => (
            <li key={id} className="flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm">
              <span className="flex-1">{names[id] ?? id}</span>
              {primaryOuId === id ? (
                <span className="text-primary flex items-center gap-1 text-xs font-medium">
                  <Star aria-hidden className="size-3" />
                  {t("accounts.primary")}
                </span>
              ) : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => setValue("primaryOuId", id, { shouldValidate: true })}
                >
                  {t("accounts.makePrimary")}
                </Button>
              )}
              <Button
                type="button"
                size="icon-sm"
                variant="ghost"
                aria-label={t("accounts.removeOrganization", { name: names[id] ?? id })}
                onClick={() => {
                  const next = ouIds.filter((x) => x !== id);
                  setValue("ouIds", next);
                  if (primaryOuId === id) setValue("primaryOuId", next[0] ?? null, { shouldValidate: true });
                }}
              >
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
        {formState.errors.primaryOuId && (
          <p role="alert" className="text-destructive text-sm">
            {messages.fieldText(formState.errors.primaryOuId.message)}
          </p>
        )}
        <OuSearch
          label={t("accounts.addOrganization")}
          excludeIds={ouIds}
          onPick={(ou) => {
            setNames((n) => ({ ...n, [ou.id]: ou.path }));
            setValue("ouIds", [...ouIds, ou.id]);
            if (!primaryOuId) setValue("primaryOuId", ou.id, { shouldValidate: true });
          }}
        />
      </section>

      {customFields.length > 0 && (
        <section className="grid gap-4 sm:grid-cols-2" aria-labelledby="custom-heading">
          <h2 id="custom-heading" className="text-lg font-medium sm:col-span-2">
            {t("customFields.title")}
          </h2>
          {customFields.map((def) => (
            <Controller
              key={def.id}
              control={control}
              name={`customFields.${def.id}`}
              render={({ field, fieldState }) => (
                <FormField
                  id={`cf-${def.id}`}
                  label={`${def.displayName}${def.required ? " *" : ""}`}
                  error={messages.fieldText(fieldState.error?.message)}
                  description={`idpUser.customFields.${def.id}`}
                >
                  {def.type === "enum" ? (
                    <Select value={field.value ?? ""} onValueChange={field.onChange}>
                      <SelectTrigger id={`cf-${def.id}`} className="w-full">
                        <SelectValue placeholder="—" />
                      </SelectTrigger>
                      <SelectContent>
                        {def.options.map((o) => (
                          <SelectItem key={o} value={o}>
                            {o}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  ) : (
                    <Input
                      {...field}
                      value={field.value ?? ""}
                      {...fieldAria(`cf-${def.id}`, fieldState.error, true)}
                      type={def.type === "date" ? "date" : "text"}
                      inputMode={def.type === "number" ? "decimal" : undefined}
                    />
                  )}
                </FormField>
              )}
            />
          ))}
        </section>
      )}

      <div className="flex gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : t("common.save")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push("/directory/accounts")}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
