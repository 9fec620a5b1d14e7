import { parseArgs } from "node:util";
import { setCallGateDb } from "../dingtalk-gate";
import { createPrismaClient } from "../prisma-client";
import type { Db } from "../prisma-client";
import { applyPlan, preparePlan } from "../sync/plans";
import { recoverInterruptedRuns, startSyncRun, waitForRun } from "../sync/runs";

// `npm run sync -- --idp <id> [--dry-run]`: one full (or dry) sync from the
// command line, e.g. from cron. Prints the run's outcome; exit 1 unless it succeeded,
// exit 2 when the plan waits for an administrator's review (nothing written). `--plan <id>` applies a
// plan already reviewed in the console, checked against its inputs like the console's Apply.
async function main() {
  const { values } = parseArgs({
    options: { idp: { type: "string" }, "dry-run": { type: "boolean" }, plan: { type: "string" } },
  });
  if (!values.idp) {
    console.error("Usage: npm run sync -- --idp <identity provider id> [--dry-run | --plan <reviewed plan id>]");
    process.exit(1);
  }
  const db = createPrismaClient();
  setCallGateDb(db);
  await recoverInterruptedRuns(db);
  const idpId = values.idp;
  // A full sync goes through review like the console's: written at once only when its plan needs none.
  const runId = values["dry-run"]
    ? (await startSyncRun({ db, idpId, mode: "dry_run", trigger: "manual", actor: "system" })).id
    : values.plan
      ? await applyReviewed(db, values.plan)
      : await (async () => {
          const { planId, runId } = await preparePlan(db, { idpId, actor: "system" });
          if (runId) return runId;
          console.info(
            `The plan waits for review (the first sync, links, conflicts or deletes, or "Review before writing" is on): ` +
              `open /identity-providers/${idpId}/review/${planId} in the console and Apply it. Nothing was written.`,
          );
          await db.$disconnect();
          process.exit(2);
        })();
  console.info(`run ${runId} started`);
  const done = await waitForRun(db, runId, { timeoutMs: 24 * 3600_000 });
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

/** Apply a plan an administrator reviewed (its id is in the review page's address), as the console's Apply does. */
async function applyReviewed(db: Db, planId: string): Promise<string> {
  const outcome = await applyPlan(db, { planId, actor: "system" });
  if ("runId" in outcome) return outcome.runId;
  console.info(
    `The directory or DingTalk changed since that plan: nothing was written. Review plan ${outcome.planId}.`,
  );
  await db.$disconnect();
  process.exit(2);
}

void main();
