import type { Db } from "./prisma-client";
import { onShutdown, startHeartbeat } from "./processes";
import { handBackReconciliations } from "./reconcile/reconcile";
import { startIncrementalWorker } from "./sync/incremental";
import { recoverInterruptedRuns } from "./sync/runs";

/**
 * What the console's process runs beside its requests (instrumentation.ts), and what it hands back
 * on SIGTERM (the shutdown hooks lib/server/cli/serve.ts runs once its requests are done). With the
 * worker: the incremental sync worker and its heartbeat, whose stop hands back the current run, the
 * reconciliations and the leases. Without it (SYNC_WORKER=off): a Reconcile now still reading after
 * `handBackAfterMs` is handed back (closed as interrupted, its lease released).
 */
export async function startConsoleBackground(
  db: Db,
  { worker, handBackAfterMs = 5_000 }: { worker: boolean; handBackAfterMs?: number },
): Promise<void> {
  if (!worker) {
    onShutdown(async () => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, handBackAfterMs)));
      await handBackReconciliations(db, deadline);
      clearTimeout(timer);
    });
    return;
  }
  const closed = await recoverInterruptedRuns(db);
  if (closed > 0) console.warn(`[sync] closed ${closed} run(s) interrupted by the last shutdown`);
  const stopHeartbeat = await startHeartbeat(db, "worker");
  const stopWorker = startIncrementalWorker(db);
  onShutdown(async () => {
    await stopWorker();
    await stopHeartbeat();
    await db.$disconnect();
  });
}
