import { setCallGateDb } from "../dingtalk-gate";
import { createPrismaClient } from "../prisma-client";
import { exitGracefully, startHeartbeat } from "../processes";
import { startIncrementalWorker } from "../sync/incremental";

// `npm run worker`: the incremental sync worker on its own (set SYNC_WORKER=off on the console then).
// Leases keep two workers off the same IdP; its heartbeat tells /api/health a worker is alive.
// SIGTERM: no new tick, the current run stops between objects and the leases are handed back
// (startIncrementalWorker's stop), then the heartbeat row goes and the process exits 0.
async function main() {
  const db = createPrismaClient();
  setCallGateDb(db);
  // A signal may come while starting: stop whatever has started.
  const started: { stopHeartbeat?: () => Promise<void>; stopWorker?: () => Promise<void> } = {};
  exitGracefully(async (signal) => {
    console.info(`${signal}: handing back the current work`);
    await started.stopWorker?.();
    await started.stopHeartbeat?.();
    await db.$disconnect();
    console.info("Incremental sync worker stopped.");
  });
  started.stopHeartbeat = await startHeartbeat(db, "worker");
  started.stopWorker = startIncrementalWorker(db, { leaseMs: Number(process.env.WORKER_LEASE_MS ?? 60_000) });
  console.info("Incremental sync worker running. Ctrl+C to stop.");
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
