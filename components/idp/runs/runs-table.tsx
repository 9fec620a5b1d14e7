import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunSummary } from "@/lib/views/runs";
import { RunStatusBadge } from "../status-badge";
import { durationMs, formatDuration } from "./run-format";

/** Runs with status, trigger, counts and duration; each links to its records. */
export async function RunsTable({ runs, showIdp }: { runs: RunSummary[]; showIdp: boolean }) {
  const t = await getTranslations("syncRuns");
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("started")}</TableHead>
            {showIdp && <TableHead>{t("idp")}</TableHead>}
            <TableHead>{t("kind")}</TableHead>
            <TableHead>{t("trigger")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("countsColumn")}</TableHead>
            <TableHead>{t("duration")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableCell>
                <Link href={`/sync-runs/${run.id}`} className="text-primary underline-offset-4 hover:underline">
                  {format.dateTime(new Date(run.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
                </Link>
              </TableCell>
              {showIdp && <TableCell>{run.idpName}</TableCell>}
              <TableCell>{t(`kinds.${run.kind}`)}</TableCell>
              <TableCell>{t(`triggers.${run.trigger}`)}</TableCell>
              <TableCell>
                <RunStatusBadge status={run.status} />
              </TableCell>
              <TableCell className="text-sm tabular-nums">
                {t("countsSummary", {
                  created: run.created,
                  updated: run.updated,
                  deleted: run.deleted,
                  failed: run.failed,
                })}
              </TableCell>
              <TableCell>{formatDuration(durationMs(run))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
