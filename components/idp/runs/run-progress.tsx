"use client";

import { useTranslations } from "next-intl";
import type { RunSummary } from "@/lib/server/idp/queries";
import { RunStatusBadge } from "../status-badge";
import { durationMs, formatDuration, parseJson, runErrorWords, type RunError } from "./run-format";

/** The live header of a run: status, progress bar, counts, duration and the run's error. */
export function RunProgress({ run }: { run: RunSummary }) {
  const t = useTranslations("syncRuns");
  const tr = useTranslations();
  const percent = run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : run.finishedAt ? 100 : 0;
  const error = parseJson<RunError>(run.error);
  const counts = [
    ["total", run.total], ["processed", run.processed], ["created", run.created], ["updated", run.updated],
    ["deleted", run.deleted], ["skipped", run.skipped], ["failed", run.failed],
  ] as const;
  const errorText = (e: RunError) => {
    const { key, fallback } = runErrorWords(e);
    return tr.has(key) ? tr(key, { permission: "" }) : fallback;
  };
  return (
    <section aria-label={t("progress")} className="space-y-4 rounded-lg border p-4" data-testid="run-progress" data-status={run.status}>
      <div className="flex flex-wrap items-center gap-3">
        <RunStatusBadge status={run.status} />
        <span className="text-sm">{t(`kinds.${run.kind}`)}</span>
        <span className="text-muted-foreground text-sm">{t(`triggers.${run.trigger}`)}</span>
        <span className="text-muted-foreground text-sm">{t("duration")}: {formatDuration(durationMs(run))}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="bg-muted h-2 w-full overflow-hidden rounded-full"
      >
        <div className="bg-primary h-full transition-all" style={{ width: `${percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border p-2">
            <dt className="text-muted-foreground text-xs">{t(`counts.${key}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {error && <p role="alert" className="text-destructive text-sm">{errorText(error)}</p>}
    </section>
  );
}
