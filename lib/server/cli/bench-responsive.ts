import http from "node:http";
import { performance } from "node:perf_hooks";
import { worstCases } from "../../expression/workloads";
import { compileSyncRules, mapUser } from "../../sync";
import { TestSandbox } from "../../dingtalk/sandbox/testing";
import { compile } from "../../expression";
import { mappingCatalog, toMappingRule } from "../idp/rules";
import { loadSource } from "../sync/source";
import { startSyncRun, waitForRun } from "../sync/runs";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { seedSyntheticDirectory } from "../sync/synthetic-directory";
import { createTestDb } from "../test-db";

// `npm run bench:responsive`: the console's responsiveness while a sync evaluates the costliest
// rule we could build (the slowest of lib/expression's worst cases, stopped by the work budget)
// for every account. Prints figures; asserts nothing.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2_000);
process.env.ENCRYPTION_KEYS ??= `1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";

async function main() {
  const { db, cleanup } = await createTestDb();
  const sandbox = await TestSandbox.start();
  // A trivial request handler in the same process as the sync, as the console's routes are.
  const server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  try {
    const { rootId } = await seedSyntheticDirectory(db, { accounts: ACCOUNTS, ous: 50 });
    const idpId = await createSandboxIdp(db, {
      sandboxUrl: sandbox.url,
      app: await sandbox.corp(),
      sourceOuIds: [rootId],
    });
    const worst = slowestWorstCase();
    await db.fieldMappingRule.updateMany({
      where: { idpId, objectType: "user", targetField: "title" },
      data: { kind: "expression", source: worst },
    });
    const rules = (await db.fieldMappingRule.findMany({ where: { idpId } })).map(toMappingRule);
    const { accounts, ous } = await loadSource(db);

    // Before: the run mapped every account inside one synchronous planning call.
    const compiled = compileSyncRules(rules, await mappingCatalog(db));
    const t0 = performance.now();
    for (const account of accounts) mapUser(account, compiled);
    const blockMs = performance.now() - t0;

    // Now: a dry run while a client asks the trivial handler every 20 ms.
    const latencies: number[] = [];
    let isRunning = true;
    const ping = (async () => {
      while (isRunning) {
        const start = performance.now();
        await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
        latencies.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const runStart = performance.now();
    const run = await startSyncRun({ db, idpId, mode: "dry_run", trigger: "manual", actor: "system" });
    const done = await waitForRun(db, run.id, { timeoutMs: 10 * 60_000 });
    const runSeconds = (performance.now() - runStart) / 1000;
    isRunning = false;
    await ping;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.info(`accounts ${accounts.length}, OUs ${ous.length}, worst rule ${worst.length} characters`);
    console.info(`before: one synchronous block of ${(blockMs / 1000).toFixed(2)} s while mapping every account`);
    console.info(
      `now: dry run ${done.status} in ${runSeconds.toFixed(1)} s; a trivial request during it: ` +
        `${latencies.length} requests, p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${p(1).toFixed(1)} ms`,
    );
    console.info(
      `bench:responsive accounts=${accounts.length} block_before_ms=${blockMs.toFixed(0)} ` +
        `request_p95_ms=${p(0.95).toFixed(1)} request_max_ms=${p(1).toFixed(1)}`,
    );
  } finally {
    server.close();
    await sandbox.close();
    await cleanup();
  }
}

/** The worst case that takes longest to reach the work budget on this machine. */
function slowestWorstCase(): string {
  let slowest = { ms: -1, source: "" };
  for (const { source } of worstCases) {
    const expression = compile(source);
    const start = performance.now();
    try {
      expression.evaluate({ idpUser: {} });
    } catch {
      // The work budget stops it: that is the point.
    }
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { ms, source };
  }
  return slowest.source;
}

void main();
