// Runs once when the Next.js server starts: the incremental sync worker lives in the console's
// process unless SYNC_WORKER=off (then run `npm run worker`). That process then beats as a worker
// too (/api/health); lib/server/console-process.ts says what each process hands back on SIGTERM.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this module in its workers: they are no worker.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { db } = await import("./lib/server/db");
  const { startConsoleBackground } = await import("./lib/server/console-process");
  await startConsoleBackground(db, { worker: process.env.SYNC_WORKER !== "off" });
}
