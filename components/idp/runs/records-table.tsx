"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useWords } from "@/components/messages/use-words";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import { errcodeMessage, reasonMessage } from "@/lib/messages";
import { readReason } from "@/lib/sync/reasons";
import { readDiff } from "@/lib/sync/run";
import { DEPARTMENT_FIELDS, type DepartmentLabel, type RunRecord } from "@/lib/views/runs";

/** A run's records: action, status, DingTalk error code and message, reason and field diff. */
export function RecordsTable({
  records,
  departments = {},
}: {
  records: RunRecord[];
  departments?: Record<string, DepartmentLabel>;
}) {
  const t = useTranslations("syncRuns");
  // A department reference as words: its name with its path, never the internal id it is stored as.
  const department = (key: string) => {
    const label = departments[key];
    if (!label || label.kind === "unknown") return t("departmentUnknown");
    if (label.kind === "target") return t("departmentTarget");
    if (label.kind === "dingtalk") return t("departmentDingTalk", { id: label.deptId });
    const name = label.path.at(-1)!;
    return label.path.length > 1 ? `${name} (${label.path.slice(0, -1).join(" / ")})` : name;
  };
  const value = (field: string, text: string | null) =>
    text === null ? "∅" : DEPARTMENT_FIELDS.includes(field) ? text.split(",").map(department).join("; ") : text;
  const { text } = useWords();
  const locale = useLocale() as Locale;
  if (records.length === 0) return <p className="text-muted-foreground p-4 text-sm">{t("noRecords")}</p>;
  return (
    <Table aria-label={t("records")} regionLabel={t("records")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("objectType")}</TableHead>
          <TableHead>{t("object")}</TableHead>
          <TableHead>{t("action")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("errorCode")}</TableHead>
          <TableHead>{t("message")}</TableHead>
          <TableHead>{t("diff")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {records.map((r) => {
          const diff = readDiff(r.diff);
          const reason = readReason(r.reason);
          return (
            <TableRow key={r.id} data-status={r.status}>
              <TableCell>{t(`objectTypes.${r.objectType === "user" ? "user" : "organization"}`)}</TableCell>
              <TableCell>
                <div className="font-medium">{r.displayName}</div>
                {r.remoteId && <code className="text-muted-foreground text-xs">{r.remoteId}</code>}
              </TableCell>
              <TableCell>{t.has(`actions.${r.action}`) ? t(`actions.${r.action}`) : r.action}</TableCell>
              <TableCell>
                <Badge
                  variant={r.status === "failed" ? "destructive" : r.status === "succeeded" ? "success" : "secondary"}
                >
                  {t.has(`recordStatus.${r.status}`) ? t(`recordStatus.${r.status}`) : r.status}
                </Badge>
              </TableCell>
              <TableCell>{r.errcode ?? "—"}</TableCell>
              <TableCell className="max-w-80 whitespace-normal text-sm">
                {r.errcode !== null && text(errcodeMessage(r.errcode))}
                {reason && (
                  <span className="text-muted-foreground block text-xs">
                    {text(reasonMessage(reason), r.objectType)}
                  </span>
                )}
              </TableCell>
              <TableCell className="whitespace-normal">
                {diff.length === 0 ? (
                  "—"
                ) : (
                  <ul className="space-y-0.5 text-xs">
                    {diff.map((d) => (
                      <li key={d.field}>
                        {dingTalkFieldLabel(r.objectType, d.field, locale)}:{" "}
                        <del className="text-muted-foreground">{value(d.field, d.before)}</del> →{" "}
                        <ins className="no-underline">{value(d.field, d.after)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
