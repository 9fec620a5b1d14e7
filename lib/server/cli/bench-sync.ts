import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { TestSandbox } from "../../dingtalk/sandbox/testing";
import { defaultMappingRules } from "../idp/default-rules";
import type { Db } from "../prisma-client";
import { sealSecret } from "../secrets";
import { startSyncRun, waitForRun } from "../sync/runs";
import { createTestDb } from "../test-db";

// `npm run bench:sync`: 10,000 accounts in 500 OUs (depth up to 6) pushed to
// the sandbox over real HTTP. Prints figures; asserts nothing.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const OUS = Number(process.env.BENCH_OUS ?? 500);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 30);
process.env.ENCRYPTION_KEYS ??= `1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";

type Counts = { total: number; byPath: Record<string, Record<string, number>> };
const isWrite = (path: string) => /\/(create|update|delete)$/.test(path);
const sum = (c: Counts, pick: (path: string) => boolean) =>
  Object.entries(c.byPath).filter(([p]) => pick(p)).reduce((n, [, codes]) => n + Object.values(codes).reduce((a, b) => a + b, 0), 0);

async function seed(db: Db) {
  const root = { id: randomUUID(), name: "Bench Group", parentId: null as string | null, order: 0 };
  const ous = [root];
  const levels: (typeof ous)[] = [[root]];
  // A tree 6 levels deep: fan-out chosen so the count lands on OUS.
  for (let depth = 1; ous.length < OUS && depth < 6; depth++) {
    const next: typeof ous = [];
    for (const parent of levels[depth - 1]) {
      for (let i = 0; i < (depth === 1 ? 8 : 3) && ous.length < OUS; i++) {
        const ou = { id: randomUUID(), name: `Unit ${depth}.${ous.length}`, parentId: parent.id, order: i };
        ous.push(ou);
        next.push(ou);
      }
    }
    levels.push(next);
  }
  await db.organizationalUnit.createMany({ data: ous });
  const seats = ous.slice(1);
  for (let start = 0; start < ACCOUNTS; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, ACCOUNTS - start) }, (_, i) => {
      const n = start + i;
      return { id: randomUUID(), username: `bench.user${n}`, displayName: `Bench User ${n}`, email: `bench.user${n}@example.com`, phoneNumber: `136${String(n).padStart(8, "0")}`, phoneRegion: "86", employeeNumber: `N${n}`, jobTitle: "Engineer" };
    });
    await db.account.createMany({ data: batch });
    await db.membership.createMany({ data: batch.map((a, i) => ({ accountId: a.id, ouId: seats[(start + i) % seats.length].id, isPrimary: true })) });
  }
  return { root, ous: ous.length, depth: levels.length };
}

async function main() {
  const { db, cleanup } = await createTestDb();
  const sandbox = await TestSandbox.start();
  try {
    const { root, ous, depth } = await seed(db);
    const corp = await sandbox.corp();
    const idpId = randomUUID();
    await db.identityProvider.create({
      data: {
        id: idpId, displayName: "Bench", corpId: corp.corpId, appKey: corp.appKey, appSecretEncrypted: sealSecret(corp.appSecret, idpId),
        edition: "private", apiBaseUrl: sandbox.url, v1BaseUrl: sandbox.url, loginBaseUrl: sandbox.url, status: "enabled", wizardStep: 4,
        sourceOuIds: JSON.stringify([root.id]), targetDeptId: 1, deleteThresholdCount: 1_000_000,
        mappingRules: { create: defaultMappingRules().map((r, position) => ({ ...r, position })) },
      },
    });
    const calls = () => sandbox.calls(corp.corpId);
    const run = async (label: string) => {
      const before = await calls();
      const start = performance.now();
      const done = await waitForRun(db, (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id, { timeoutMs: 60 * 60_000 });
      const seconds = (performance.now() - start) / 1000;
      const after = await calls();
      const delta: Counts = { total: after.total - before.total, byPath: {} };
      for (const [path, codes] of Object.entries(after.byPath)) {
        const n = Object.values(codes).reduce((a, b) => a + b, 0) - Object.values(before.byPath[path] ?? {}).reduce((a, b) => a + b, 0);
        if (n > 0) delta.byPath[path] = { all: n };
      }
      const writes = sum(delta, isWrite);
      console.info(`${label.padEnd(28)} ${done.status} in ${seconds.toFixed(1)} s: ${delta.total} calls (${writes} writes), created ${done.created}, updated ${done.updated}, failed ${done.failed}`);
      for (const [path, c] of Object.entries(delta.byPath).sort()) console.info(`    ${path.padEnd(36)} ${c.all}`);
      return { seconds, writes, total: delta.total };
    };

    console.info(`bench:sync: ${ACCOUNTS.toLocaleString("en")} accounts in ${ous} OUs (depth ${depth}) -> sandbox over HTTP, no rate limit\n`);
    process.env.DINGTALK_QPS = "0";
    const initial = await run("initial full sync");
    const noop = await run("no-change re-sync");
    const changed = await db.account.findMany({ take: Math.round(ACCOUNTS / 100), orderBy: { username: "asc" }, select: { id: true } });
    await db.account.updateMany({ where: { id: { in: changed.map((c) => c.id) } }, data: { jobTitle: "Senior Engineer" } });
    const change = await run(`1% change re-sync (${changed.length})`);

    // The same no-change re-sync with the sandbox and the client both at 20 calls/s.
    await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 20 });
    process.env.DINGTALK_QPS = "20";
    await db.identityProvider.update({ where: { id: idpId }, data: { displayName: "Bench (20 calls/s)" } }); // new client settings
    const limited = await run("no-change re-sync @20/s");
    const rate = limited.total / limited.seconds;
    console.info(`    achieved ${rate.toFixed(2)} calls/s (limit 20; ${RATE_SECONDS}s target window not needed: the run is the window)`);

    console.info(
      `bench:sync accounts=${ACCOUNTS} ous=${ous} initial_s=${initial.seconds.toFixed(1)} initial_writes=${initial.writes} noop_writes=${noop.writes} change_writes=${change.writes} rate_at_20=${rate.toFixed(2)}`,
    );
  } finally {
    await sandbox.close();
    await cleanup();
  }
}

void main();
