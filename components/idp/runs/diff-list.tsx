"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import type { FieldDiff, ObjectType } from "@/lib/sync/types";
import { DEPARTMENT_FIELDS, type DepartmentLabel } from "@/lib/views/runs";

/** A department reference as words: its name with its path, never the internal id it is stored as. */
export function useDepartmentText(departments: Record<string, DepartmentLabel>) {
  const t = useTranslations("syncRuns");
  return (key: string) => {
    const label = departments[key];
    if (!label || label.kind === "unknown") return t("departmentUnknown");
    if (label.kind === "target") return t("departmentTarget");
    if (label.kind === "dingtalk") return t("departmentDingTalk", { id: label.deptId });
    const name = label.path.at(-1)!;
    return label.path.length > 1 ? `${name} (${label.path.slice(0, -1).join(" / ")})` : name;
  };
}

/** Field by field: the DingTalk field's name, the value before (struck) and after, departments by name. */
export function DiffList({
  diff,
  objectType,
  departments,
}: {
  diff: FieldDiff[];
  objectType: ObjectType;
  departments: Record<string, DepartmentLabel>;
}) {
  const locale = useLocale() as Locale;
  const department = useDepartmentText(departments);
  const value = (field: string, text: string | null) =>
    text === null ? "∅" : DEPARTMENT_FIELDS.includes(field) ? text.split(",").map(department).join("; ") : text;
  if (diff.length === 0) return <>—</>;
  return (
    <ul className="space-y-0.5 text-xs">
      {diff.map((d) => (
        <li key={d.field}>
          {dingTalkFieldLabel(objectType, d.field, locale)}:{" "}
          <del className="text-muted-foreground">{value(d.field, d.before)}</del> →{" "}
          <ins className="no-underline">{value(d.field, d.after)}</ins>
        </li>
      ))}
    </ul>
  );
}
