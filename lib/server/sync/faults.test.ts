import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { preparePlan } from "./plans";
import { startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";
import { seedSyntheticDirectory } from "./synthetic-directory";
import { signalAndWait, spawnCli, until } from "./test-processes";

// Faults, kills and restarts against the sandbox over real HTTP, with real
// processes: nothing here may end with a duplicate user or a lost change.
type SandboxState = { departments: { dept_id: number }[]; users: { userid: string; title?: string; email?: string }[] };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => sandbox?.close());

async function setup(accounts: number, ous: number, faults: Record<string, unknown> = {}) {
  const { db, url, cleanup } = await createTestDb();
  const { rootId } = await seedSyntheticDirectory(db, { accounts, ous });
  const corp = await sandbox.corp({ faults });
  const idpId = await createSandboxIdp(db, {
    sandboxUrl: sandbox.url,
    app: corp,
    sourceOuIds: [rootId],
    deleteThresholdCount: 1_000_000,
  });
  return { db, url, cleanup, corp, idpId };
}

const state = (corp: TestCorp) => sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
async function updateCalls(corp: TestCorp): Promise<number> {
  const calls = await sandbox.calls(corp.corpId);
  return Object.values(calls.byPath["/topapi/v2/user/update"] ?? {}).reduce((a, b) => a + b, 0);
}

async function expectMirrors(db: Db, corp: TestCorp, ous: number) {
  const accounts = await db.account.findMany({ select: { username: true, jobTitle: true } });
  const dingtalk = await state(corp);
  // No duplicates: exactly one DingTalk user per account, under the account's username.
  expect(dingtalk.users).toHaveLength(accounts.length);
  expect(new Set(dingtalk.users.map((u) => u.userid))).toEqual(new Set(accounts.map((a) => a.username)));
  expect(dingtalk.departments.filter((d) => d.dept_id !== 1)).toHaveLength(ous - 1);
  const title = new Map(dingtalk.users.map((u) => [u.userid, u.title]));
  expect(accounts.filter((a) => title.get(a.username) !== a.jobTitle)).toEqual([]);
}

/**
 * Waits for a run of the IdP with its lease held, SIGKILLs the worker holding it (mid-run), starts a
 * fresh worker beside the other, and returns how long the other took to start the next run. The
 * killed run is closed as interrupted, and the next one started only once it was stale.
 */
async function killTheRunningWorker(
  db: Db,
  idpId: string,
  workers: ChildProcess[],
  env: Record<string, string>,
  staleMs: number,
): Promise<number> {
  // Freeze the lease holder while its run is running (or let it go on and try again), then kill it.
  for (;;) {
    const run = await db.syncRun.findFirst({ where: { idpId, status: "running" } });
    const owner = (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).workerLeaseOwner;
    const index = workers.findIndex((w) => owner?.startsWith(`${w.pid}-`));
    if (!run || index < 0) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    workers[index].kill("SIGSTOP");
    if ((await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).status !== "running") {
      workers[index].kill("SIGCONT");
      continue;
    }
    await signalAndWait(workers[index], "SIGKILL");
    return takeOver(db, idpId, run.id, () => (workers[index] = spawnCli("lib/server/cli/worker.ts", env)), staleMs);
  }
}

async function takeOver(db: Db, idpId: string, id: string, restart: () => void, staleMs: number): Promise<number> {
  const killedAt = Date.now();
  restart();
  await until(async () => (await db.syncRun.count({ where: { idpId, createdAt: { gt: new Date(killedAt) } } })) > 0);
  const tookOver = Date.now() - killedAt;
  const killed = await db.syncRun.findUniqueOrThrow({ where: { id } });
  expect(killed.status).toBe("failed");
  expect(JSON.parse(killed.error ?? "{}")).toEqual({ code: "interrupted" });
  const next = await db.syncRun.findFirstOrThrow({ where: { idpId, createdAt: { gt: new Date(killedAt) } } });
  // Never beside the killed run: only once its heartbeat was older than the stale window.
  expect(next.createdAt.getTime()).toBeGreaterThanOrEqual(killed.heartbeatAt!.getTime() + staleMs);
  return tookOver;
}

describe("sync under faults", { timeout: 600_000 }, () => {
  it("a 2,000-account full sync with 10% faults and 30 s tokens ends equal to the directory, with every failure recorded", async () => {
    process.env.DINGTALK_TIMEOUT_MS = "1000";
    process.env.DINGTALK_RETRY_MIN_MS = "5";
    const { db, cleanup, corp, idpId } = await setup(2_000, 60, {
      errorRate: 0.1,
      errcodes: [-1, 90018, "http502", "stall"],
      tokenTtlSeconds: 30,
      seed: 7,
    });
    try {
      const first = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
        { timeoutMs: 500_000 },
      );
      expect(["succeeded", "partially_succeeded"]).toContain(first.status);
      const failed = await db.syncRecord.findMany({ where: { runId: first.id, status: "failed" } });
      expect(failed.every((r) => r.errorMessage || r.errcode !== null)).toBe(true);
      expect(first.created + first.failed + first.skipped).toBe(first.total);
      // A second pass (faults still on) picks up whatever the first could not finish.
      for (let pass = 0; pass < 3; pass++) {
        const again = await waitForRun(
          db,
          (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
          { timeoutMs: 500_000 },
        );
        if (again.status === "succeeded" && again.total === 0) break;
      }
      await expectMirrors(db, corp, 60);
    } finally {
      delete process.env.DINGTALK_TIMEOUT_MS;
      delete process.env.DINGTALK_RETRY_MIN_MS;
      await cleanup();
    }
  });

  it("a full sync killed with SIGKILL halfway, then run again, ends the same with no duplicates", async () => {
    const { db, url, cleanup, corp, idpId } = await setup(600, 30);
    try {
      // Slow enough (40 calls/s) to be killed in the middle.
      // The first sync waits for review: the CLI applies the reviewed plan, as an administrator's Apply would.
      const { planId } = await preparePlan(db, { idpId, actor: "system" });
      const child = spawnCli("lib/server/cli/sync-once.ts", { DATABASE_URL: url, DINGTALK_QPS: "40" }, [
        "--idp",
        idpId,
        "--plan",
        planId,
      ]);
      await until(async () => (await db.binding.count({ where: { idpId, objectType: "user" } })) >= 200);
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const killed = await db.syncRun.findFirstOrThrow({ where: { idpId } });
      expect(killed.status).toBe("running");
      // A run is stale once its heartbeat (every 2 s) is older than SYNC_STALE_MS.
      process.env.SYNC_STALE_MS = "3000";
      await new Promise((r) => setTimeout(r, 3200));
      const rerun = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
        { timeoutMs: 300_000 },
      );
      expect(rerun.status).toBe("succeeded");
      expect(JSON.parse((await db.syncRun.findUniqueOrThrow({ where: { id: killed.id } })).error ?? "{}")).toEqual({
        code: "interrupted",
      });
      await expectMirrors(db, corp, 30);
    } finally {
      delete process.env.SYNC_STALE_MS;
      await cleanup();
    }
  });

  it("1,000 directory changes with two workers, the one running killed twice mid-run, are all applied, each once", async () => {
    const { db, url, cleanup, corp, idpId } = await setup(1_000, 20);
    const leaseMs = 1500;
    // 50 calls/s: the workers stay behind the changes, so a run is going on when one is killed.
    const staleMs = 3000;
    const env = {
      DATABASE_URL: url,
      DINGTALK_QPS: "200",
      WORKER_LEASE_MS: String(leaseMs),
      SYNC_STALE_MS: String(staleMs),
    };
    const workers: ChildProcess[] = [];
    try {
      const full = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
        { timeoutMs: 300_000 },
      );
      expect(full.status).toBe("succeeded");
      await db.identityProvider.update({ where: { id: idpId }, data: { incrementalSync: true } });
      const updatesBefore = await updateCalls(corp);
      const accounts = await db.account.findMany({ select: { id: true }, orderBy: { username: "asc" } });
      workers.push(spawnCli("lib/server/cli/worker.ts", env), spawnCli("lib/server/cli/worker.ts", env));
      const takeovers: number[] = [];
      let kills = Promise.resolve();
      for (const [i, a] of accounts.entries()) {
        await db.$transaction([
          db.account.update({ where: { id: a.id }, data: { jobTitle: `Changed ${i}` } }),
          db.outboxEvent.create({ data: { objectType: "user", objectId: a.id, operation: "update" } }),
        ]);
        // While the changes keep coming, kill the worker that is running (one kill after the other).
        if (i === 300 || i === 650)
          kills = kills
            .then(() => killTheRunningWorker(db, idpId, workers, env, staleMs))
            .then((ms) => void takeovers.push(ms));
      }
      await kills;
      const lastEvent = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id!;
      await until(
        async () => (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).outboxCursor >= lastEvent,
        300_000,
      );
      console.info(`[faults] takeover after SIGKILL: ${takeovers.map((ms) => `${ms} ms`).join(", ")}`);
      await expectMirrors(db, corp, 20);
      // Each account changed once in DingTalk: one update call per account, however often a worker died.
      expect((await updateCalls(corp)) - updatesBefore).toBe(1_000);
    } finally {
      for (const worker of workers) await signalAndWait(worker, "SIGKILL");
      await cleanup();
    }
  });
});
