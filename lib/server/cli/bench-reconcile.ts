import { performance } from "node:perf_hooks";
import { TestSandbox } from "../../dingtalk/sandbox/testing";
import { startReconciliation } from "../reconcile/reconcile";
import { repairDrift } from "../reconcile/repair";
import { startSyncRun, waitForRun } from "../sync/runs";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { seedSyntheticDirectory } from "../sync/synthetic-directory";
import { createTestDb } from "../test-db";

// `npm run bench:reconcile`: 10,000 accounts in 500 OUs pushed to the sandbox, then 1 % of the DingTalk
// objects changed through the sandbox's DingTalk API behind the console's back (users renamed, deleted,
// moved; departments renamed, moved) plus 20 unknown users; a reconciliation and a repair at 20 calls/s.
// Prints figures; asserts nothing.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const OUS = Number(process.env.BENCH_OUS ?? 500);
const UNKNOWN = 20;
process.env.ENCRYPTION_KEYS ??= `1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";

type Counts = { total: number; byPath: Record<string, Record<string, number>> };
const isWrite = (path: string) => /\/(create|update|delete)$/.test(path);
const writesOf = (c: Counts) =>
  Object.entries(c.byPath)
    .filter(([p]) => isWrite(p))
    .reduce((n, [, codes]) => n + Object.values(codes).reduce((a, b) => a + b, 0), 0);

type SandboxState = {
  users: { userid: string; name: string; dept_id_list: number[] }[];
  departments: { dept_id: number; name: string; parent_id: number }[];
};

async function main() {
  const { db, cleanup } = await createTestDb();
  const sandbox = await TestSandbox.start();
  try {
    const { rootId, ous } = await seedSyntheticDirectory(db, { accounts: ACCOUNTS, ous: OUS });
    const corp = await sandbox.corp();
    const idpId = await createSandboxIdp(db, {
      sandboxUrl: sandbox.url,
      app: corp,
      sourceOuIds: [rootId],
      deleteThresholdCount: 1_000_000,
    });
    process.env.DINGTALK_QPS = "0";
    const initial = await waitForRun(
      db,
      (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
      { timeoutMs: 60 * 60_000 },
    );
    if (initial.status !== "succeeded") throw new Error(`initial sync ${initial.status}`);

    // 1 % of the DingTalk objects, changed through its API as another administrator would.
    const dingtalk = sandbox.client(corp, { qps: 0 });
    const state = await sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
    const bindings = await db.binding.findMany({ where: { idpId } });
    const boundUsers = new Set(bindings.filter((b) => b.objectType === "user").map((b) => b.remoteId));
    const boundDepts = new Set(bindings.filter((b) => b.objectType === "organization").map((b) => Number(b.remoteId)));
    const users = state.users.filter((u) => boundUsers.has(u.userid) && u.dept_id_list.length === 1);
    const depts = state.departments.filter((d) => boundDepts.has(d.dept_id));
    const drifted = Math.round((users.length + depts.length) / 100);
    const deptChanges = Math.max(2, Math.round((drifted * depts.length) / (users.length + depts.length)));
    const userChanges = drifted - deptChanges;
    const step = Math.floor(users.length / userChanges);
    const picked = Array.from({ length: userChanges }, (_, i) => users[i * step]);
    const deptIds = depts.map((d) => d.dept_id);
    for (const [i, user] of picked.entries()) {
      if (i % 3 === 0) await dingtalk.updateUser({ userid: user.userid, name: `${user.name} (edited)` });
      else if (i % 3 === 1) await dingtalk.deleteUser(user.userid);
      else {
        const other = deptIds.find((id) => id !== user.dept_id_list[0] && (id + i) % 7 === 0) ?? deptIds[0];
        await dingtalk.updateUser({ userid: user.userid, deptIdList: [other] });
      }
    }
    const rootNames = new Set(state.departments.filter((d) => d.parent_id === 1).map((d) => d.name));
    const leaves = depts.filter((d) => d.parent_id !== 1 && !state.departments.some((c) => c.parent_id === d.dept_id));
    let deptsChanged = 0;
    for (const [i, dept] of leaves.entries()) {
      if (deptsChanged >= deptChanges) break;
      if (i % 2 === 0) await dingtalk.updateDepartment({ deptId: dept.dept_id, name: `${dept.name} (edited)` });
      else if (!rootNames.has(dept.name)) await dingtalk.updateDepartment({ deptId: dept.dept_id, parentId: 1 });
      else continue;
      deptsChanged += 1;
    }
    for (let i = 0; i < UNKNOWN; i++)
      await dingtalk.createUser({
        userid: `unknown-${i}`,
        name: `Unknown ${i}`,
        deptIdList: [deptIds[i % deptIds.length]],
      });
    const driftExpected = picked.length + deptsChanged + UNKNOWN;

    // Reconcile and repair with the sandbox and the client both at 20 calls/s.
    await sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 20 });
    process.env.DINGTALK_QPS = "20";
    await db.identityProvider.update({ where: { id: idpId }, data: { displayName: "Bench (20 calls/s)" } });
    const calls = () => sandbox.calls(corp.corpId) as Promise<Counts>;
    const before = await calls();
    const start = performance.now();
    const { id, done } = await startReconciliation({ db, idpId, trigger: "manual", actor: "system" });
    await done;
    const readSeconds = (performance.now() - start) / 1000;
    const afterRead = await calls();
    const reconciliation = await db.reconciliation.findUniqueOrThrow({ where: { id } });
    const driftFound = await db.driftItem.count({ where: { reconciliationId: id } });
    const repairStart = performance.now();
    const run = await repairDrift({ db, reconciliationId: id, actor: "system", trigger: "manual" });
    const repaired = await waitForRun(db, run.id, { timeoutMs: 30 * 60_000 });
    const repairSeconds = (performance.now() - repairStart) / 1000;
    const afterRepair = await calls();
    const repairWrites = writesOf(afterRepair) - writesOf(afterRead);
    console.info(
      `reconciliation ${reconciliation.status}: ${reconciliation.counts}, ${reconciliation.readCalls} read calls counted by the client; repair run ${repaired.status} in ${repairSeconds.toFixed(1)} s (${afterRepair.total - afterRead.total} calls); drifted objects ${picked.length + deptsChanged} + ${UNKNOWN} unknown`,
    );
    console.info(
      `bench:reconcile accounts=${ACCOUNTS} ous=${ous} read_calls=${afterRead.total - before.total} drift_found=${driftFound} drift_expected=${driftExpected} repair_writes=${repairWrites} seconds=${readSeconds.toFixed(1)}`,
    );
  } finally {
    await sandbox.close();
    await cleanup();
  }
}

void main();
