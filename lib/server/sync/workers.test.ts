import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { ZAccountSchema } from "@/lib/schemas/account";
import { updateAccount } from "../directory/accounts";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";
import { seedSyntheticDirectory } from "./synthetic-directory";
import { signalAndWait, spawnCli, until } from "./test-processes";
import { startWriteCounter, type WriteCounter } from "./test-write-counter";

// Two `npm run worker` processes racing on the same IdPs (issue 16): every directory change reaches
// DingTalk once, through whichever worker holds the IdP's lease; never two runs of one IdP at a time.
type SandboxState = { users: { userid: string; title?: string }[] };

const ACCOUNTS = 1_000;
let sandbox: TestSandbox;
let counter: WriteCounter;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
  counter = await startWriteCounter(sandbox.url);
});
afterAll(async () => {
  await counter?.close();
  await sandbox?.close();
});

/** No two runs of one IdP overlapped: each started after the one before had finished. */
async function expectOneRunAtATime(db: Db, idpId: string) {
  const runs = await db.syncRun.findMany({ where: { idpId }, orderBy: { startedAt: "asc" } });
  for (const [i, run] of runs.entries()) {
    if (i === 0 || !run.startedAt) continue;
    expect(run.startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt!.getTime());
  }
}

describe("two workers on one database", { timeout: 600_000 }, () => {
  it("racing for the same IdPs, apply 1,000 directory changes to each exactly once", async () => {
    const { db, url, cleanup } = await createTestDb();
    const workers: ChildProcess[] = [];
    const qps = process.env.DINGTALK_QPS;
    process.env.DINGTALK_QPS = "200";
    try {
      const { rootId } = await seedSyntheticDirectory(db, { accounts: ACCOUNTS, ous: 10 });
      const corps: TestCorp[] = [await sandbox.corp(), await sandbox.corp()];
      const idpIds = await Promise.all(
        corps.map((app) => createSandboxIdp(db, { sandboxUrl: counter.url, app, sourceOuIds: [rootId] })),
      );
      // The baseline: a full sync of each IdP, then incremental sync on.
      for (const run of await Promise.all(
        idpIds.map(async (idpId) =>
          waitForRun(db, (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id, {
            timeoutMs: 300_000,
          }),
        ),
      ))
        expect(run.status).toBe("succeeded");
      await db.identityProvider.updateMany({ data: { incrementalSync: true } });
      counter.reset();

      const env = { DATABASE_URL: url, DINGTALK_QPS: "200", WORKER_LEASE_MS: "2000", SYNC_STALE_MS: "4000" };
      workers.push(spawnCli("lib/server/cli/worker.ts", env), spawnCli("lib/server/cli/worker.ts", env));
      const owners = new Set<string>();
      const watch = setInterval(
        () =>
          void db.identityProvider
            .findMany({ select: { workerLeaseOwner: true } })
            .then((rows) => rows.forEach((r) => r.workerLeaseOwner && owners.add(r.workerLeaseOwner.split("-")[0])))
            .catch(() => undefined),
        200,
      );
      // 1,000 edits through the directory's own mutation (account, outbox event and audit in one transaction).
      const accounts = await db.account.findMany({
        include: { memberships: true },
        orderBy: { username: "asc" },
      });
      for (const [i, a] of accounts.entries()) {
        const ouId = a.memberships[0].ouId;
        const account = ZAccountSchema.parse({
          username: a.username,
          displayName: a.displayName,
          email: a.email,
          phoneRegion: a.phoneRegion,
          phoneNumber: a.phoneNumber,
          employeeNumber: a.employeeNumber,
          jobTitle: `Changed ${i}`,
          ouIds: [ouId],
          primaryOuId: ouId,
        });
        await updateAccount({ db, actor: "system", id: a.id, account });
      }
      const lastEvent = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id!;
      await until(
        async () =>
          (await db.identityProvider.findMany({ select: { outboxCursor: true } })).every(
            (idp) => idp.outboxCursor >= lastEvent,
          ),
        300_000,
      );
      clearInterval(watch);
      console.info(`[workers] lease holders seen: ${owners.size} worker(s)`);

      // Every change reached each app's DingTalk, each object written exactly once.
      const titles = new Map(accounts.map((a, i) => [a.username, `Changed ${i}`]));
      for (const corp of corps) {
        const state = await sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
        expect(state.users.filter((u) => u.title !== titles.get(u.userid))).toEqual([]);
      }
      const writes = [...counter.counts()];
      expect(writes.filter(([, n]) => n !== 2)).toEqual([]);
      expect(writes.map(([key]) => key).sort()).toEqual(
        accounts.map((a) => `/topapi/v2/user/update ${a.username}`).sort(),
      );
      for (const idpId of idpIds) {
        // Bindings unique: one per object, each remote object bound once.
        const bindings = await db.binding.findMany({ where: { idpId } });
        expect(bindings.filter((b) => b.objectType === "user")).toHaveLength(ACCOUNTS);
        expect(new Set(bindings.map((b) => `${b.objectType}:${b.remoteId}`)).size).toBe(bindings.length);
        await expectOneRunAtATime(db, idpId);
      }
    } finally {
      process.env.DINGTALK_QPS = qps;
      if (qps === undefined) delete process.env.DINGTALK_QPS;
      for (const worker of workers) await signalAndWait(worker, "SIGKILL");
      await cleanup();
    }
  });
});
