import { migrationState, readMigrations, type Migration } from "./db/migrate";
import type { Dialect } from "./db/dialect";
import { dialectOf, type Db } from "./prisma-client";
import { workerHeartbeatAgeMs } from "./processes";

/**
 * What GET /api/health reports to a load balancer. Only states and counts: no URL, host,
 * version, migration name or process id.
 *
 * - `down` (HTTP 503): the database does not answer (within 5 s), or its migrations are not the
 *   ones this build carries: `pending` (not applied yet, failed half-way, or changed since) or
 *   `ahead` (applied by a newer build). Either way this process should get no traffic.
 * - `degraded` (HTTP 200): the web tier works, but no worker has beaten for 60 s (or none ever
 *   did) while one is expected: some IdP is enabled (incremental sync, scheduled reconciliation
 *   and alerts all run in the worker loop). A worker is a separate process (or the console with
 *   SYNC_WORKER on), so taking this console out of rotation would not help; monitoring should alert.
 * - `ok` (HTTP 200): otherwise.
 */
export type HealthReport = {
  status: "ok" | "degraded" | "down";
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "ahead" | "unknown";
  migrationCounts: { applied: number; pending: number; ahead: number } | null;
  workerHeartbeatAgeS: number | null;
  workerExpected: boolean | null;
};

export const WORKER_STALE_MS = 60_000;
const DATABASE_TIMEOUT_MS = 5000;

type MigrationRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

// The files this build was deployed with: read once per process.
const files = new Map<Dialect, Migration[]>();
function buildMigrations(dialect: Dialect): Migration[] {
  let list = files.get(dialect);
  if (!list) files.set(dialect, (list = readMigrations(dialect)));
  return list;
}

export async function checkHealth(db: Db, now = new Date()): Promise<{ report: HealthReport; httpStatus: number }> {
  try {
    return await withTimeout(inspect(db, now), DATABASE_TIMEOUT_MS);
  } catch {
    const report: HealthReport = {
      status: "down",
      database: "unreachable",
      migrations: "unknown",
      migrationCounts: null,
      workerHeartbeatAgeS: null,
      workerExpected: null,
    };
    return { report, httpStatus: 503 };
  }
}

async function inspect(db: Db, now: Date) {
  await db.$queryRaw`SELECT 1`;
  // No table yet: nothing applied (a database nobody migrated).
  const rows = await db.$queryRaw<
    MigrationRow[]
  >`SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`.catch(
    () => [] as MigrationRow[],
  );
  const state = migrationState(buildMigrations(dialectOf(db)), rows);
  const counts = {
    applied: state.applied.length - state.modified.length,
    pending: state.pending.length + state.failed.length + state.modified.length,
    ahead: state.unknown.length,
  };
  const migrations = counts.pending > 0 ? "pending" : counts.ahead > 0 ? "ahead" : "current";
  const ageMs = await workerHeartbeatAgeMs(db, now);
  const workerExpected = (await db.identityProvider.count({ where: { status: "enabled" } })) > 0;
  const isWorkerStale = ageMs === null || ageMs > WORKER_STALE_MS;
  const isServing = migrations === "current";
  const report: HealthReport = {
    status: !isServing ? "down" : workerExpected && isWorkerStale ? "degraded" : "ok",
    database: "ok",
    migrations,
    migrationCounts: counts,
    workerHeartbeatAgeS: ageMs === null ? null : Math.round(ageMs / 1000),
    workerExpected,
  };
  return { report, httpStatus: isServing ? 200 : 503 };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
