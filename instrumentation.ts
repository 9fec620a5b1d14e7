// Runs once when the Next.js server starts: the incremental sync worker lives in the console's
// process unless SYNC_WORKER=off (then run `npm run worker`). That process then beats as a worker
// too (/api/health), and stops both on SIGTERM through the shutdown hooks lib/server/cli/serve.ts runs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SYNC_WORKER === "off") return;
  // `next build` may load this module in its workers: they are no worker.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { db } = await import("./lib/server/db");
  const { startIncrementalWorker } = await import("./lib/server/sync/incremental");
  const { recoverInterruptedRuns } = await import("./lib/server/sync/runs");
  const { onShutdown, startHeartbeat } = await import("./lib/server/processes");
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
