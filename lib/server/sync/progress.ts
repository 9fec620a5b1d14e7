import type { ApplyCounts } from "@/lib/sync";
import type { Db } from "../prisma-client";

/** A run's counters as SyncRun stores them: one mapping for the live progress and the final row. */
export function runCounts(counts: ApplyCounts) {
  return {
    processed: counts.processed,
    created: counts.created,
    updated: counts.updated + counts.bound,
    deleted: counts.deleted,
    skipped: counts.skipped + counts.planned,
    failed: counts.failed,
  };
}

/**
 * Writes a run's counters while it runs, for the UI's poll: at most one write per `intervalMs`,
 * in order (a late write never overwrites a newer one); `settled()` before the final update.
 */
export function runProgressWriter(db: Db, runId: string, { intervalMs = 250 } = {}) {
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    report(counts: ApplyCounts): void {
      if (Date.now() - lastWrite < intervalMs) return;
      lastWrite = Date.now();
      const data = runCounts(counts);
      pending = pending.then(() => db.syncRun.update({ where: { id: runId }, data })).catch(() => undefined);
    },
    settled: (): Promise<unknown> => pending,
  };
}
