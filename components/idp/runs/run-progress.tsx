"use client";

import { useTranslations } from "next-intl";
import { useWords } from "@/components/messages/use-words";
import { runErrorMessage } from "@/lib/messages";
import { readRunError } from "@/lib/sync/run";
import type { RunSummary } from "@/lib/views/runs";
import { RunStatusBadge } from "../status-badge";
import { durationMs, formatDuration } from "./run-format";

/** The live header of a run: status, progress bar, counts, duration and the run's error. */
export function RunProgress({ run }: { run: RunSummary }) {
  const t = useTranslations("syncRuns");
  const { text } = useWords();
  const percent =
    run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : run.finishedAt ? 100 : 0;
  const error = readRunError(run.error);
  const counts = [
    ["total", run.total],
    ["processed", run.processed],
    ["created", run.created],
    ["updated", run.updated],
    ["deleted", run.deleted],
    ["skipped", run.skipped],
    ["failed", run.failed],
  ] as const;
  return (
    <section
      aria-label={t("progress")}
      className="space-y-4 rounded-lg border p-4"
      data-testid="run-progress"
      data-status={run.status}
    >
      <div className="flex flex-wrap items-center gap-3">
        <RunStatusBadge status={run.status} />
        <span className="text-sm">{t(`kinds.${run.kind}`)}</span>
        <span className="text-muted-foreground text-sm">{t(`triggers.${run.trigger}`)}</span>
        <span className="text-muted-foreground text-sm">
          {t("duration")}: {formatDuration(durationMs(run))}
        </span>
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
            <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {error && (
        <p role="alert" className="text-destructive text-sm">
          {text(runErrorMessage(error))}
        </p>
      )}
    </section>
  );
}
