import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { READ_SCOPES } from "@/lib/dingtalk/sandbox/types";
import type { Db } from "../prisma-client";
import { lastFullSyncRun, retrySyncFailures } from "../idp/failures";
import { retryFailed } from "../idp/runs";
import { saveScenario } from "../idp/scenario";
import { createTestDb } from "../test-db";
import { runIncrementalTick } from "./incremental";
import { isBaseline, startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";
import { seedSyntheticDirectory } from "./synthetic-directory";

// A full sync whose failures are per object (a clash, a refused value) is the IdP's baseline;
// one stopped by an IdP-wide failure (credentials, permission) is not.
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => sandbox?.close());

type Setup = { db: Db; cleanup: () => Promise<void>; corp: TestCorp; idpId: string; rootId: string };

async function setup(options: { scopes?: readonly string[]; appSecret?: string } = {}): Promise<Setup> {
  const { db, cleanup } = await createTestDb();
  const { rootId } = await seedSyntheticDirectory(db, { accounts: 12, ous: 4 });
  const corp = await sandbox.corp({ scopes: options.scopes && [...options.scopes] });
  const app = options.appSecret ? { ...corp, appSecret: options.appSecret } : corp;
  const idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app, sourceOuIds: [rootId] });
  return { db, cleanup, corp, idpId, rootId };
}

const fullSync = async (db: Db, idpId: string) =>
  waitForRun(db, (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id);

const scenario = (idpId: string, rootId: string) => ({
  id: idpId,
  sourceOuIds: [rootId],
  targetDeptId: 1,
  incrementalSync: true,
  qrLogin: false,
});

describe("isBaseline", () => {
  it.each([
    ["succeeded", undefined, true],
    ["partially_succeeded", undefined, true],
    ["failed", undefined, false],
    ["held", undefined, false],
    ["cancelled", undefined, false],
    ["failed", { errcode: 60011 }, false],
  ] as const)("%s (stopped: %j) -> %s", (status, stoppedBy, expected) => {
    const stop = stoppedBy && {
      objectType: "user" as const,
      localId: "a",
      remoteId: null,
      displayName: "A",
      action: "create" as const,
      status: "failed" as const,
      reason: { code: "dingtalk_permission" as const },
      errcode: stoppedBy.errcode,
      errorMessage: null,
      diff: [],
    };
    expect(isBaseline({ status, stoppedBy: stop })).toBe(expected);
  });
});

describe("a partial success is a baseline", { timeout: 120_000 }, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(async () => s?.cleanup());

  it("a full sync with per-object failures sets lastFullSyncAt and the cursor, and incremental sync can be turned on", async () => {
    const { db, corp, idpId, rootId } = s;
    // Two people already in DingTalk hold the e-mails of two accounts (60106 on create);
    // DingTalk takes 50 characters of e-mail at most, so the plan refuses a third account.
    const client = sandbox.client(corp);
    for (const n of [3, 7])
      await client.createUser({
        userid: `stranger${n}`,
        name: `Stranger ${n}`,
        email: `synthetic.user${n}@example.com`,
        deptIdList: [1],
      });
    await db.account.update({ where: { username: "synthetic.user5" }, data: { email: `${"x".repeat(60)}@e.com` } });
    const events = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const run = await fullSync(db, idpId);
    expect(run).toMatchObject({ status: "partially_succeeded", failed: 3, error: null });
    expect(run.created).toBeGreaterThan(0);
    const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
    expect(idp.lastFullSyncAt).not.toBeNull();
    expect(idp.outboxCursor).toBe(events);
    expect(idp.status).toBe("enabled");
    expect(await db.syncFailure.count({ where: { idpId } })).toBe(3);
    // The IdP page reads the baseline's status from this run.
    expect(await lastFullSyncRun(db, idpId, idp.lastFullSyncAt)).toEqual({
      id: run.id,
      status: "partially_succeeded",
    });

    await saveScenario({ db, actor: "system", input: scenario(idpId, rootId) });
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).incrementalSync).toBe(true);
  });

  it("the worker takes that baseline: a change after it is applied incrementally", async () => {
    const { db, corp, idpId } = s;
    const account = await db.account.findUniqueOrThrow({ where: { username: "synthetic.user1" } });
    await db.$transaction([
      db.account.update({ where: { id: account.id }, data: { jobTitle: "After the baseline" } }),
      db.outboxEvent.create({ data: { objectType: "user", objectId: account.id, operation: "update" } }),
    ]);
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ idpId, events: 1, status: "succeeded" })]);
    const user = await sandbox.client(corp).getUser("synthetic.user1");
    expect(user.title).toBe("After the baseline");
  });

  it("Retry failed objects with nothing left to retry is refused and starts no run", async () => {
    const { db, idpId } = s;
    const partial = await db.syncRun.findFirstOrThrow({ where: { idpId, kind: "full" } });
    // The failures were resolved elsewhere (here: by hand), so the run's failed records are stale.
    await db.syncFailure.deleteMany({ where: { idpId } });
    const runs = await db.syncRun.count();
    await expect(retryFailed({ db, actor: "system", runId: partial.id })).rejects.toMatchObject({
      code: "errors.nothingToRetry",
    });
    await expect(retrySyncFailures({ db, actor: "system", id: idpId })).rejects.toMatchObject({
      code: "errors.noFailures",
    });
    expect(await db.syncRun.count()).toBe(runs);
  });
});

describe("an IdP-wide failure is not a baseline", { timeout: 120_000 }, () => {
  it.each([
    ["wrong credentials", { appSecret: "not-the-secret" }],
    ["a missing permission", { scopes: [...READ_SCOPES] }],
  ] as const)("%s: the run fails, lastFullSyncAt stays empty and incremental sync is refused", async (_, options) => {
    const { db, cleanup, idpId, rootId } = await setup(options);
    try {
      const run = await fullSync(db, idpId);
      expect(run.status).toBe("failed");
      expect(run.error).not.toBeNull();
      const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
      expect(idp).toMatchObject({ lastFullSyncAt: null, outboxCursor: 0 });
      expect(await lastFullSyncRun(db, idpId, idp.lastFullSyncAt)).toBeNull();
      await expect(saveScenario({ db, actor: "system", input: scenario(idpId, rootId) })).rejects.toMatchObject({
        code: "errors.incrementalBeforeFull",
      });
    } finally {
      await cleanup();
    }
  });
});
