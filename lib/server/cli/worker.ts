import { createPrismaClient } from "../prisma-client";
import { startIncrementalWorker } from "../sync/incremental";

// `npm run worker`: the incremental sync worker on its own (set SYNC_WORKER=off
// on the console then). Leases keep two workers off the same IdP.
const db = createPrismaClient();
const stop = startIncrementalWorker(db, { leaseMs: Number(process.env.WORKER_LEASE_MS ?? 60_000) });
console.info("Incremental sync worker running. Ctrl+C to stop.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(
    signal,
    () =>
      void stop()
        .then(() => db.$disconnect())
        .then(() => process.exit(0)),
  );
}
