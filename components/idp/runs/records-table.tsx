"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunRecord } from "@/lib/server/idp/queries";
import { parseJson, type Diff, type Reason } from "./run-format";
import { useRecordText } from "./use-record-text";

/** A run's records: action, status, DingTalk error code and message, reason and field diff. */
export function RecordsTable({ records }: { records: RunRecord[] }) {
  const t = useTranslations("syncRuns");
  const { reasonText, errorText } = useRecordText();
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
          const diff = parseJson<Diff>(r.diff) ?? [];
          return (
            <TableRow key={r.id} data-status={r.status}>
              <TableCell>{t(`objectTypes.${r.objectType === "user" ? "user" : "organization"}`)}</TableCell>
              <TableCell>
                <div className="font-medium">{r.displayName}</div>
                {r.remoteId && <code className="text-muted-foreground text-xs">{r.remoteId}</code>}
              </TableCell>
              <TableCell>{t.has(`actions.${r.action}`) ? t(`actions.${r.action}`) : r.action}</TableCell>
              <TableCell><Badge variant={r.status === "failed" ? "destructive" : r.status === "succeeded" ? "success" : "secondary"}>{t.has(`recordStatus.${r.status}`) ? t(`recordStatus.${r.status}`) : r.status}</Badge></TableCell>
              <TableCell>{r.errcode ?? "—"}</TableCell>
              <TableCell className="max-w-80 whitespace-normal text-sm">
                {errorText(r.errcode, r.errorMessage)}
                {reasonText(parseJson<Reason>(r.reason)) && <span className="text-muted-foreground block text-xs">{reasonText(parseJson<Reason>(r.reason))}</span>}
              </TableCell>
              <TableCell className="whitespace-normal">
                {diff.length === 0 ? "—" : (
                  <ul className="space-y-0.5 text-xs">
                    {diff.map((d) => (
                      <li key={d.field}><code>{d.field}</code>: <del className="text-muted-foreground">{d.before ?? "∅"}</del> → <ins className="no-underline">{d.after ?? "∅"}</ins></li>
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
