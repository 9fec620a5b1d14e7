import { parseArgs } from "node:util";
import { createPrismaClient } from "../prisma-client";
import { recoverInterruptedRuns, startSyncRun, waitForRun } from "../sync/runs";

// `npm run sync -- --idp <id> [--dry-run]`: one full (or dry) sync from the
// command line, e.g. from cron. Prints the run's outcome; exit 1 unless it succeeded.
async function main() {
  const { values } = parseArgs({ options: { idp: { type: "string" }, "dry-run": { type: "boolean" } } });
  if (!values.idp) {
    console.error("Usage: npm run sync -- --idp <identity provider id> [--dry-run]");
    process.exit(1);
  }
  const db = createPrismaClient();
  await recoverInterruptedRuns(db);
  const run = await startSyncRun({
    db,
    idpId: values.idp,
    mode: values["dry-run"] ? "dry_run" : "full",
    trigger: "manual",
    actor: "system",
  });
  console.info(`run ${run.id} started`);
  const done = await waitForRun(db, run.id, { timeoutMs: 24 * 3600_000 });
  console.info(
    JSON.stringify({
      id: done.id,
      status: done.status,
      total: done.total,
      created: done.created,
      updated: done.updated,
      deleted: done.deleted,
      failed: done.failed,
      error: done.error,
    }),
  );
  await db.$disconnect();
  process.exit(done.status === "succeeded" ? 0 : 1);
}

void main();
