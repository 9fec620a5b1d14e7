import { performance } from "node:perf_hooks";
import { Prisma } from "@/lib/generated/prisma/client";
import { planInputDigest, REVIEW_GROUPS, type ReviewGroup } from "@/lib/sync";
import { TestSandbox } from "../../dingtalk/sandbox/testing";
import { idpClient } from "../idp/client";
import { dialectOf, type Db } from "../prisma-client";
import { loadPlanInputs } from "../sync/inputs";
import { PLAN_PAGE_SIZE, readPlanPage } from "../sync/plan-pages";
import { applyPlan, preparePlan } from "../sync/plans";
import { cancelSyncRun, waitForRun } from "../sync/runs";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { seedSyntheticDirectory } from "../sync/synthetic-directory";
import { createTestDb } from "../test-db";

// `npm run bench:review` (issue 13): a full sync's plan over 10,000 accounts in 500 OUs (and 1,000
// for scale) prepared, paged and applied against the sandbox over HTTP. Prints figures; asserts nothing.
const SIZES = (process.env.BENCH_ACCOUNTS ?? "1000,10000").split(",").map(Number);
const OUS = Number(process.env.BENCH_OUS ?? 500);
const REPEATS = 5;
process.env.ENCRYPTION_KEYS ??= `1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";
process.env.DINGTALK_QPS = "0";

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** The first call (cold) and the median of the next REPEATS. */
async function coldAndMedian(fn: () => Promise<unknown>): Promise<{ cold: number; median: number }> {
  const [, cold] = await timed(fn);
  const warm: number[] = [];
  for (let i = 0; i < REPEATS; i++) warm.push((await timed(fn))[1]);
  warm.sort((a, b) => a - b);
  return { cold, median: warm[Math.floor(REPEATS / 2)] };
}

/**
 * The plan's stored rows and the UTF-8 bytes of their op JSON. Quoted names (PostgreSQL folds
 * unquoted ones to lower case); the byte length is spelled per dialect. PostgreSQL returns the
 * count as bigint and the sum as numeric (a Decimal), SQLite as numbers: `Number()` reads all.
 */
async function storedSize(db: Db, planId: string) {
  const bytes =
    dialectOf(db) === "postgresql" ? Prisma.sql`OCTET_LENGTH("op")` : Prisma.sql`LENGTH(CAST("op" AS BLOB))`;
  const [row] = await db.$queryRaw<{ n: bigint | number; bytes: bigint | number | Prisma.Decimal | null }[]>`
    SELECT COUNT(*) AS n, SUM(${bytes}) AS bytes FROM "SyncPlanItem" WHERE "planId" = ${planId}`;
  return { rows: Number(row.n), bytes: Number(row.bytes ?? 0) };
}

/** Pages 1, 2 and last of `group` (`total` items), each cold and warm. */
async function readPages(db: Db, planId: string, group: ReviewGroup, total: number) {
  const pages = Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE));
  for (const page of [...new Set([1, Math.min(2, pages), pages])]) {
    const t = await coldAndMedian(() => readPlanPage(db, { planId, group, page }));
    const read = await readPlanPage(db, { planId, group, page });
    console.info(
      `  readPlanPage ${group} p.${String(page).padEnd(4)} ${ms(t.cold)} cold, ${ms(t.median)} median of ${REPEATS} (${read?.items.length} items, ${Object.keys(read?.departments ?? {}).length} department labels)`,
    );
  }
}

/** Prepare, page and apply one plan; returns the run Apply started. */
async function reviewOnce(db: Db, idpId: string, label: string) {
  const [prepared, prepareMs] = await timed(() => preparePlan(db, { idpId, actor: "system", forceReview: true }));
  const { planId } = prepared;
  const size = await storedSize(db, planId);
  const { summary } = await db.syncPlan.findUniqueOrThrow({ where: { id: planId }, select: { summary: true } });
  const counts = (JSON.parse(summary) as { counts: Record<ReviewGroup, number> }).counts;
  const largest = REVIEW_GROUPS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  console.info(`  ${label}: ${REVIEW_GROUPS.map((g) => `${g} ${counts[g]}`).join(", ")}`);
  console.info(`  preparePlan (compute + store)   ${ms(prepareMs)}`);
  console.info(
    `  stored rows                     ${size.rows} SyncPlanItem (${(size.bytes / 1e6).toFixed(1)} MB of op JSON)`,
  );
  await readPages(db, planId, largest, counts[largest]);

  // What Apply's re-check repeats, on its own: read the directory, rules and DingTalk again, digest.
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
  const [{ input }, inputsMs] = await timed(() => loadPlanInputs(db, idp, idpClient(idp)));
  const [, digestMs] = await timed(async () => planInputDigest(input));
  const [applied, applyMs] = await timed(() => applyPlan(db, { planId, actor: "system" }));
  if (!("runId" in applied)) throw new Error(`inputs changed under the bench: new plan ${applied.planId}`);
  console.info(`  applyPlan (re-check -> run started) ${ms(applyMs)}`);
  console.info(`    of which, measured apart: inputs re-read ${ms(inputsMs)}, digest ${ms(digestMs)}`);
  return { runId: applied.runId, prepareMs, applyMs, rows: size.rows, largest };
}

async function bench(accounts: number) {
  const { db, cleanup } = await createTestDb();
  const sandbox = await TestSandbox.start();
  try {
    const { rootId, ous, depth } = await seedSyntheticDirectory(db, { accounts, ous: OUS });
    const corp = await sandbox.corp();
    const idpId = await createSandboxIdp(db, {
      sandboxUrl: sandbox.url,
      app: corp,
      sourceOuIds: [rootId],
      deleteThresholdCount: 1_000_000,
    });
    console.info(
      `\n${accounts.toLocaleString("en")} accounts in ${ous} OUs (depth ${depth}), empty DingTalk (first sync)`,
    );
    const first = await reviewOnce(db, idpId, "plan");
    const [initial, syncMs] = await timed(() => waitForRun(db, first.runId, { timeoutMs: 60 * 60_000 }));
    console.info(
      `  (the applied run: ${initial.status}, created ${initial.created}, ${(syncMs / 1000).toFixed(1)} s more)`,
    );

    // The same against a populated DingTalk: Apply's re-check then reads every user back.
    const changed = await db.account.findMany({
      take: accounts / 100,
      orderBy: { username: "asc" },
      select: { id: true },
    });
    await db.account.updateMany({
      where: { id: { in: changed.map((c) => c.id) } },
      data: { jobTitle: "Senior Engineer" },
    });
    console.info(`\n${accounts.toLocaleString("en")} accounts, populated DingTalk, ${changed.length} accounts changed`);
    const second = await reviewOnce(db, idpId, "plan");
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: second.runId } });
    if (run.status === "queued" || run.status === "running") await cancelSyncRun(db, second.runId, "system");
    await waitForRun(db, second.runId);
    return { accounts, first, second };
  } finally {
    await sandbox.close();
    await cleanup();
  }
}

async function main() {
  console.info(`bench:review: plans prepared, paged (${PLAN_PAGE_SIZE} items a page) and applied`);
  const results = [];
  for (const accounts of SIZES) results.push(await bench(accounts));
  for (const { accounts, first, second } of results)
    console.info(
      `bench:review accounts=${accounts} prepare_ms=${first.prepareMs.toFixed(0)} rows=${first.rows} apply_ms=${first.applyMs.toFixed(0)} populated_prepare_ms=${second.prepareMs.toFixed(0)} populated_apply_ms=${second.applyMs.toFixed(0)}`,
    );
}

void main();
