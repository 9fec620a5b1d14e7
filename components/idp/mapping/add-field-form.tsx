"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { DINGTALK_DEPT_FIELDS, DINGTALK_USER_FIELDS, type TMappingRule } from "@/lib/schemas/mapping-rules";

type Props = { objectType: TMappingRule["objectType"]; used: string[]; onAdd: (rule: TMappingRule) => void };

/** "Add field": a display name and a DingTalk field id not used yet in this IdP. */
export function AddFieldForm({ objectType, used, onAdd }: Props) {
  const t = useTranslations("mapping");
  const te = useTranslations("mappingErrors");
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [fieldId, setFieldId] = useState("");
  const [errors, setErrors] = useState<{ name?: string; fieldId?: string }>({});
  const allowed: readonly string[] = objectType === "user" ? DINGTALK_USER_FIELDS : DINGTALK_DEPT_FIELDS;
  const free = allowed.filter((f) => !used.includes(f));
  const prefix = `add-${objectType}`;

  if (!isOpen) {
    return (
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Plus aria-hidden /> {objectType === "user" ? t("addUserField") : t("addOrgField")}
      </Button>
    );
  }

  const add = () => {
    const id = fieldId.trim();
    const next: typeof errors = {};
    if (!name.trim()) next.name = te("required");
    if (!allowed.includes(id)) next.fieldId = objectType === "user" ? te("notUserField", { field: id }) : te("notDeptField", { field: id });
    else if (used.includes(id)) next.fieldId = te("fieldUsed", { field: id });
    setErrors(next);
    if (next.name || next.fieldId) return;
    onAdd({ objectType, targetField: id, targetDisplayName: name.trim(), kind: "expression", source: "", isMappingIdentifier: false, isCustom: true });
    setName("");
    setFieldId("");
    setOpen(false);
  };

  return (
    <div className="grid gap-3 rounded-lg border p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start" role="group" aria-label={objectType === "user" ? t("addUserField") : t("addOrgField")}>
      <FormField id={`${prefix}-name`} label={t("newFieldName")} error={errors.name}>
        <Input {...fieldAria(`${prefix}-name`, errors.name)} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField id={`${prefix}-id`} label={t("newFieldId")} error={errors.fieldId} description={t("newFieldIdHint", { fields: free.join(", ") })}>
        <Input {...fieldAria(`${prefix}-id`, errors.fieldId, true)} value={fieldId} onChange={(e) => setFieldId(e.target.value)} list={`${prefix}-options`} autoComplete="off" spellCheck={false} />
      </FormField>
      <datalist id={`${prefix}-options`}>{free.map((f) => <option key={f} value={f} />)}</datalist>
      <div className="flex gap-2 sm:pt-6">
        <Button type="button" size="sm" onClick={add}>{t("add")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}
