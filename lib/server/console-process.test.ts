// The console's process without the worker (SYNC_WORKER=off): on SIGTERM its shutdown hooks hand back
// a Reconcile now still reading, so another process may reconcile at once rather than after the lease.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startConsoleBackground } from "./console-process";
import { runShutdownHooks } from "./processes";
import { loadDriftSection } from "./reconcile/drift-page";
import { startReconciliation } from "./reconcile/reconcile";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./sync/demo-sandbox-fixture";
import { startSyncRun, waitForRun } from "./sync/runs";

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp();
  const { db, idpId } = fixture;
  await waitForRun(db, (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

it("without the worker, a Reconcile now still reading when the process stops is handed back", async () => {
  const { db, sandbox, corp, idpId } = fixture!;
  await startConsoleBackground(db, { worker: false, handBackAfterMs: 0 });
  // No heartbeat: this process is no worker.
  expect(await db.processHeartbeat.count({ where: { role: "worker" } })).toBe(0);
  await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, latencyMs: 200 });
  const { id, done } = await startReconciliation({ db, idpId, trigger: "manual", actor: "system" });

  await runShutdownHooks();
  expect((await loadDriftSection(db, idpId)).last).toMatchObject({
    id,
    status: "failed",
    error: { code: "interrupted" },
  });
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
  expect([idp.reconcileLeaseOwner, idp.reconcileLeaseUntil]).toEqual([null, null]);

  await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, latencyMs: 0 });
  await done;
  expect(await db.reconciliation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed" });
});
