// Runs once when the Next.js server starts: the incremental sync worker lives
// in the console's process unless SYNC_WORKER=off (then run `npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SYNC_WORKER === "off") return;
  const { db } = await import("./lib/server/db");
  const { startIncrementalWorker } = await import("./lib/server/sync/incremental");
  const { recoverInterruptedRuns } = await import("./lib/server/sync/runs");
  const closed = await recoverInterruptedRuns(db);
  if (closed > 0) console.warn(`[sync] closed ${closed} run(s) interrupted by the last shutdown`);
  startIncrementalWorker(db);
}
