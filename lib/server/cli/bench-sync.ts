import { performance } from "node:perf_hooks";
import { TestSandbox } from "../../dingtalk/sandbox/testing";
import { startIncrementalWorker } from "../sync/incremental";
import { startSyncRun, waitForRun } from "../sync/runs";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { seedSyntheticDirectory } from "../sync/synthetic-directory";
import { setCallGateDb } from "../dingtalk-gate";
import { createTestDb } from "../test-db";
import { withPostgres } from "./test-postgres";

// `npm run bench:sync`: 10,000 accounts in 500 OUs (depth up to 6) pushed to
// the sandbox over real HTTP. Prints figures; asserts nothing. `-- --postgresql` runs it on a
// throwaway PostgreSQL server instead of an SQLite file (the last line keeps its format).
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const OUS = Number(process.env.BENCH_OUS ?? 500);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 30);
process.env.ENCRYPTION_KEYS ??= `1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";

type Counts = { total: number; byPath: Record<string, Record<string, number>> };
const isWrite = (path: string) => /\/(create|update|delete)$/.test(path);
const sum = (c: Counts, pick: (path: string) => boolean) =>
  Object.entries(c.byPath)
    .filter(([p]) => pick(p))
    .reduce((n, [, codes]) => n + Object.values(codes).reduce((a, b) => a + b, 0), 0);

async function main() {
  const { db, cleanup } = await createTestDb();
  // Paced through the benchmark's own database (on PostgreSQL, the shared call gate).
  setCallGateDb(db);
  const sandbox = await TestSandbox.start();
  try {
    const { rootId, ous, depth } = await seedSyntheticDirectory(db, { accounts: ACCOUNTS, ous: OUS });
    const corp = await sandbox.corp();
    const idpId = await createSandboxIdp(db, {
      sandboxUrl: sandbox.url,
      app: corp,
      sourceOuIds: [rootId],
      deleteThresholdCount: 1_000_000,
    });
    const calls = () => sandbox.calls(corp.corpId);
    const run = async (label: string) => {
      const before = await calls();
      const start = performance.now();
      const done = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
        { timeoutMs: 60 * 60_000 },
      );
      const seconds = (performance.now() - start) / 1000;
      const after = await calls();
      const delta: Counts = { total: after.total - before.total, byPath: {} };
      for (const [path, codes] of Object.entries(after.byPath)) {
        const n =
          Object.values(codes).reduce((a, b) => a + b, 0) -
          Object.values(before.byPath[path] ?? {}).reduce((a, b) => a + b, 0);
        if (n > 0) delta.byPath[path] = { all: n };
      }
      const writes = sum(delta, isWrite);
      console.info(
        `${label.padEnd(28)} ${done.status} in ${seconds.toFixed(1)} s: ${delta.total} calls (${writes} writes), created ${done.created}, updated ${done.updated}, failed ${done.failed}`,
      );
      for (const [path, c] of Object.entries(delta.byPath).sort()) console.info(`    ${path.padEnd(36)} ${c.all}`);
      return { seconds, writes, total: delta.total };
    };

    console.info(
      `bench:sync: ${ACCOUNTS.toLocaleString("en")} accounts in ${ous} OUs (depth ${depth}) -> sandbox over HTTP, no rate limit\n`,
    );
    process.env.DINGTALK_QPS = "0";
    const initial = await run("initial full sync");
    const noop = await run("no-change re-sync");
    const changed = await db.account.findMany({
      take: Math.round(ACCOUNTS / 100),
      orderBy: { username: "asc" },
      select: { id: true },
    });
    await db.account.updateMany({
      where: { id: { in: changed.map((c) => c.id) } },
      data: { jobTitle: "Senior Engineer" },
    });
    const change = await run(`1% change re-sync (${changed.length})`);

    // The same no-change re-sync with the sandbox and the client both at 20 calls/s.
    await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 20 });
    process.env.DINGTALK_QPS = "20";
    await db.identityProvider.update({ where: { id: idpId }, data: { displayName: "Bench (20 calls/s)" } }); // new client settings
    const limited = await run("no-change re-sync @20/s");
    const rate = limited.total / limited.seconds;
    console.info(
      `    achieved ${rate.toFixed(2)} calls/s (limit 20; ${RATE_SECONDS}s target window not needed: the run is the window)`,
    );

    // Incremental latency: a directory change -> its incremental run done (DingTalk updated), unlimited rate.
    process.env.DINGTALK_QPS = "0";
    await db.identityProvider.update({
      where: { id: idpId },
      data: { displayName: "Bench (incremental)", incrementalSync: true },
    });
    await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 0 });
    const stopWorker = startIncrementalWorker(db, { intervalMs: 50 });
    const latencies: number[] = [];
    const sample = await db.account.findMany({ take: 10, skip: Math.floor(ACCOUNTS / 2), select: { id: true } });
    for (const [i, a] of sample.entries()) {
      const t0 = new Date();
      await db.$transaction([
        db.account.update({ where: { id: a.id }, data: { jobTitle: `Incremental ${i}` } }),
        db.outboxEvent.create({ data: { objectType: "user", objectId: a.id, operation: "update" } }),
      ]);
      const start = performance.now();
      for (;;) {
        const done = await db.syncRun.findFirst({
          where: {
            idpId,
            kind: "incremental",
            createdAt: { gte: t0 },
            status: { in: ["succeeded", "partially_succeeded", "failed"] },
          },
        });
        if (done) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      latencies.push((performance.now() - start) / 1000);
    }
    await stopWorker();
    latencies.sort((a, b) => a - b);
    console.info(
      `incremental latency over ${latencies.length} changes: p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(2)} s, p95 ${latencies[Math.ceil(latencies.length * 0.95) - 1].toFixed(2)} s (each run reads only what the change touches)`,
    );

    console.info(
      `bench:sync accounts=${ACCOUNTS} ous=${ous} initial_s=${initial.seconds.toFixed(1)} initial_writes=${initial.writes} noop_writes=${noop.writes} change_writes=${change.writes} rate_at_20=${rate.toFixed(2)}`,
    );
  } finally {
    await sandbox.close();
    await cleanup();
  }
}

if (process.argv.includes("--postgresql")) {
  void withPostgres(async (url) => {
    process.env.TEST_DATABASE_URL = url;
    console.info("database: PostgreSQL (a throwaway server)");
    await main();
  });
} else void main();
