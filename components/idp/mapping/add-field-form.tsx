"use client";

import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldCatalog } from "@/lib/expression";
import {
  checkRules,
  dingTalkFieldLabel,
  DINGTALK_DEPT_FIELDS,
  DINGTALK_USER_FIELDS,
  type MappingLocale,
  type MappingRule,
} from "@/lib/mapping";
import { useRuleProblemText } from "./use-rule-problem-text";

type Props = {
  objectType: MappingRule["objectType"];
  rules: MappingRule[];
  catalog: FieldCatalog;
  onAdd: (rule: MappingRule) => void;
};

/** "Add field": a display name and a DingTalk field id not used yet in this IdP, checked by the rules' one validator. */
export function AddFieldForm({ objectType, rules, catalog, onAdd }: Props) {
  const t = useTranslations("mapping");
  const locale = useLocale() as MappingLocale;
  const problemText = useRuleProblemText();
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [fieldId, setFieldId] = useState("");
  const [errors, setErrors] = useState<{ name?: string; fieldId?: string }>({});
  const allowed: readonly string[] = objectType === "user" ? DINGTALK_USER_FIELDS : DINGTALK_DEPT_FIELDS;
  const used = rules.filter((r) => r.objectType === objectType).map((r) => r.targetField);
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
    const rule: MappingRule = {
      objectType,
      targetField: fieldId.trim(),
      targetDisplayName: name.trim(),
      kind: "expression",
      source: "",
      isMappingIdentifier: false,
      isCustom: true,
    };
    // The new rule's own problems; its empty expression is filled in the table next.
    const problems = checkRules([...rules, rule], catalog).filter((p) => p.index === rules.length);
    const first = (field: string) => problems.find((p) => p.field === field);
    const label = first("targetDisplayName");
    const id = first("targetField");
    const next = { name: label && problemText(label), fieldId: id && problemText(id) };
    setErrors(next);
    if (next.name || next.fieldId) return;
    onAdd(rule);
    setName("");
    setFieldId("");
    setOpen(false);
  };

  return (
    <div
      className="grid gap-3 rounded-lg border p-4 @2xl:grid-cols-[1fr_1fr_auto] @2xl:items-start"
      role="group"
      aria-label={objectType === "user" ? t("addUserField") : t("addOrgField")}
    >
      <FormField id={`${prefix}-name`} label={t("newFieldName")} error={errors.name}>
        <Input
          {...fieldAria(`${prefix}-name`, errors.name)}
          aria-required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </FormField>
      <FormField
        id={`${prefix}-id`}
        label={t("newFieldId")}
        error={errors.fieldId}
        description={t("newFieldIdHint", { fields: free.join(", ") })}
      >
        <Input
          {...fieldAria(`${prefix}-id`, errors.fieldId, true)}
          aria-required
          value={fieldId}
          onChange={(e) => setFieldId(e.target.value)}
          list={`${prefix}-options`}
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
      <datalist id={`${prefix}-options`}>
        {free.map((f) => (
          <option key={f} value={f} label={dingTalkFieldLabel(objectType, f, locale)} />
        ))}
      </datalist>
      <div className="flex gap-2 @2xl:pt-6">
        <Button type="button" size="sm" onClick={add}>
          {t("add")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
