import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { createTestDb } from "../test-db";
import { startIncrementalWorker } from "./incremental";
import { startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";
import { seedSyntheticDirectory } from "./synthetic-directory";
import { until } from "./test-processes";

// A worker's stop (SIGTERM in `npm run worker`) hands its work back: its run stops between objects, each
// object written and bound or not written at all, and its lease is free for another worker at once.
type SandboxState = { users: { userid: string; title?: string }[] };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => sandbox?.close());

const CHANGED = 100;

describe("stopping a worker", { timeout: 300_000 }, () => {
  it("hands back the run and the lease; another worker finishes the changes, each written once", async () => {
    const { db, cleanup } = await createTestDb();
    const qps = process.env.DINGTALK_QPS;
    const stops: (() => Promise<void>)[] = [];
    try {
      const { rootId } = await seedSyntheticDirectory(db, { accounts: 150, ous: 5 });
      const corp: TestCorp = await sandbox.corp();
      const idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app: corp, sourceOuIds: [rootId] });
      process.env.DINGTALK_QPS = "200";
      const full = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
      );
      expect(full.status).toBe("succeeded");
      // 10 calls/s from here (the IdP's update makes a new client): slow enough to be stopped mid-run.
      process.env.DINGTALK_QPS = "10";
      await db.identityProvider.update({ where: { id: idpId }, data: { incrementalSync: true } });
      const cursor = (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).outboxCursor;
      const accounts = await db.account.findMany({ orderBy: { username: "asc" }, take: CHANGED });
      const hashBefore = new Map(
        (await db.binding.findMany({ where: { idpId, objectType: "user" } })).map((b) => [b.localId, b.contentHash]),
      );
      for (const a of accounts)
        await db.$transaction([
          db.account.update({ where: { id: a.id }, data: { jobTitle: `Stopped ${a.username}` } }),
          db.outboxEvent.create({ data: { objectType: "user", objectId: a.id, operation: "update" } }),
        ]);
      const updates = async () =>
        Object.values((await sandbox.calls(corp.corpId)).byPath["/topapi/v2/user/update"] ?? {}).reduce(
          (n, c) => n + c,
          0,
        );
      const updatesBefore = await updates();

      const stopA = startIncrementalWorker(db, { owner: "worker-a", leaseMs: 60_000, intervalMs: 100 });
      stops.push(stopA);
      await until(async () => (await updates()) - updatesBefore >= 10);
      await stopA();
      const handedBack = await db.syncRun.findFirstOrThrow({ where: { idpId, kind: "incremental" } });
      expect(handedBack.status).toBe("cancelled");
      expect(handedBack.finishedAt).not.toBeNull();
      // The lease is free at once (not in 60 s), and the events are still to be applied.
      expect(await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).toMatchObject({
        workerLeaseOwner: null,
        workerLeaseUntil: null,
        outboxCursor: cursor,
        incrementalFailures: 0,
        incrementalRetryAt: null,
      });
      // Each object: written to DingTalk and bound, or neither.
      const titles = new Map(
        (await sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users.map((u) => [
          u.userid,
          u.title,
        ]),
      );
      const hashAfter = new Map(
        (await db.binding.findMany({ where: { idpId, objectType: "user" } })).map((b) => [b.localId, b.contentHash]),
      );
      const written = accounts.filter((a) => titles.get(a.username) === `Stopped ${a.username}`);
      expect(written.length).toBeLessThan(CHANGED);
      expect(written.length).toBe((await updates()) - updatesBefore);
      expect(accounts.filter((a) => (hashAfter.get(a.id) !== hashBefore.get(a.id)) !== written.includes(a))).toEqual(
        [],
      );

      const stopB = startIncrementalWorker(db, { owner: "worker-b", leaseMs: 60_000, intervalMs: 100 });
      stops.push(stopB);
      const lastEvent = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id!;
      await until(
        async () => (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).outboxCursor >= lastEvent,
      );
      await stopB();
      // Every change arrived, and no object was written twice across the two workers.
      expect((await updates()) - updatesBefore).toBe(CHANGED);
      const final = await sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
      const changed = new Set(accounts.map((a) => a.username));
      expect(final.users.filter((u) => changed.has(u.userid) && u.title !== `Stopped ${u.userid}`)).toEqual([]);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
      if (qps === undefined) delete process.env.DINGTALK_QPS;
      else process.env.DINGTALK_QPS = qps;
      await cleanup();
    }
  });
});
