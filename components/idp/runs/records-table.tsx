"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useWords } from "@/components/messages/use-words";
import { errcodeMessage, reasonMessage } from "@/lib/messages";
import { readReason } from "@/lib/sync/reasons";
import { readDiff } from "@/lib/sync/run";
import type { DepartmentLabel, RunRecord } from "@/lib/views/runs";
import { DiffList } from "./diff-list";

/** A run's records: action, status, DingTalk error code and message, reason and field diff. */
export function RecordsTable({
  records,
  departments = {},
}: {
  records: RunRecord[];
  departments?: Record<string, DepartmentLabel>;
}) {
  const t = useTranslations("syncRuns");
  const { text } = useWords();
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
                <DiffList diff={diff} objectType={r.objectType} departments={departments} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
