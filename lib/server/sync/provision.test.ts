// Provision on demand: one account is explained step by step and written alone, with the departments it needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { formatMobile } from "@/lib/sync";
import type { ProvisionResult } from "@/lib/views/provision";
import { AppError } from "../app-error";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./demo-sandbox-fixture";
import { listProvisionTargets, provisionAccount } from "./provision";
import { waitForRun } from "./runs";

type SandboxUser = { userid: string; name: string; title?: string; mobile?: string; dept_id_list: number[] };
type SandboxDept = { dept_id: number; name: string; parent_id: number };

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };

const state = () =>
  sandbox.admin<{ users: SandboxUser[]; departments: SandboxDept[] }>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
/** Successful and failed write calls the sandbox answered for this corp, by path. */
const writes = async () => {
  const out: Record<string, number> = {};
  for (const [path, outcomes] of Object.entries((await sandbox.calls(corp.corpId)).byPath))
    if (/\/(create|update|delete)$/.test(path)) out[path] = Object.values(outcomes).reduce((a, b) => a + b, 0);
  return out;
};
const push = (accountId: string) => provisionAccount(db, { idpId, accountId, actor: admin });
async function written(result: ProvisionResult) {
  if (result.outcome.kind !== "writing") throw new Error(`not written: ${JSON.stringify(result.outcome)}`);
  return waitForRun(db, result.outcome.runId);
}
/** An enabled account in one OU two levels below the root, with a mobile. */
async function deepAccount(skip: string[] = []) {
  const candidates = await db.account.findMany({
    where: { status: "enabled", phoneNumber: { not: null }, id: { notIn: skip } },
    include: { memberships: { include: { ou: { include: { parent: true } } } } },
    orderBy: { username: "asc" },
  });
  const root = await db.organizationalUnit.findFirstOrThrow({ where: { parentId: null } });
  const found = candidates.find((a) => a.memberships.length === 1 && a.memberships[0].ou.parent?.parentId === root.id);
  if (!found) throw new Error("no account two levels down");
  return found;
}

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp({ admin });
  ({ db, sandbox, corp, idpId } = fixture);
}, 120_000);

it("is refused before the IdP's first full sync", async () => {
  const account = await db.account.findFirstOrThrow({ where: { status: "enabled" } });
  await expect(push(account.id)).rejects.toMatchObject({ code: "errors.provisionBeforeFull" });
  // As after an applied first sync (its writes are not needed here): single accounts may be pushed.
  await db.identityProvider.update({ where: { id: idpId }, data: { lastFullSyncAt: new Date() } });
});
afterAll(async () => {
  await fixture?.close();
});

describe("provision on demand", { timeout: 120_000 }, () => {
  let created: Awaited<ReturnType<typeof deepAccount>>;

  it("an unbound account in scope is explained as a create and written alone, with the departments it needs", async () => {
    created = await deepAccount();
    const ou = created.memberships[0].ou;
    const result = await push(created.id);
    expect(result.scope).toEqual({ inScope: true, ouPath: ["Acme Group", ou.parent!.name, ou.name] });
    expect(result.match).toEqual({ how: "none", userid: created.username });
    expect(result.ops.map((op) => [op.kind, op.displayName])).toEqual([
      ["dept_create", ou.parent!.name],
      ["dept_create", ou.name],
      ["user_create", created.displayName],
    ]);
    const userOp = result.ops.at(-1)!;
    expect(userOp.reason).toEqual({ code: "new" });
    expect(userOp.diff).toContainEqual({ field: "name", before: null, after: created.displayName });
    // The department the user goes to is named by its path, not an internal id.
    expect(Object.values(result.departments)).toContainEqual({
      kind: "ou",
      path: ["Acme Group", ou.parent!.name, ou.name],
    });

    const run = await written(result);
    expect(run).toMatchObject({ kind: "retry", trigger: "manual", status: "succeeded", total: 3, failed: 0 });
    expect(await writes()).toEqual({ "/topapi/v2/department/create": 2, "/topapi/v2/user/create": 1 });
    const after = await state();
    expect(after.users.map((u) => u.userid)).toEqual([created.username]);
    expect(
      after.departments
        .filter((d) => d.dept_id !== 1)
        .map((d) => d.name)
        .sort(),
    ).toEqual([ou.name, ou.parent!.name].sort());
    const binding = await db.binding.findFirst({ where: { idpId, objectType: "user", localId: created.id } });
    expect(binding).toMatchObject({ remoteId: created.username });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "sync.provision", targetId: created.id } });
    expect(audit.actorLabel).toBe(admin.email);
    expect(JSON.parse(audit.details)).toMatchObject({ idpId, runId: run.id, operation: "user_create" });
  });

  it("a bound account with a change is an update with its field diff; in step afterwards, nothing is written", async () => {
    const before = created.jobTitle;
    await db.account.update({ where: { id: created.id }, data: { jobTitle: "Chief Pusher" } });
    const result = await push(created.id);
    expect(result.match).toEqual({ how: "binding", userid: created.username });
    expect(result.ops.map((op) => op.kind)).toEqual(["user_update"]);
    expect(result.ops[0].diff).toEqual([{ field: "title", before, after: "Chief Pusher" }]);
    await written(result);
    expect((await state()).users.find((u) => u.userid === created.username)?.title).toBe("Chief Pusher");

    const calls = await writes();
    const again = await push(created.id);
    expect(again.outcome).toEqual({ kind: "in_step" });
    expect(again.ops).toEqual([]);
    expect(await writes()).toEqual(calls);
  });

  it("a disabled account or one outside the scope is explained and nothing is written", async () => {
    const disabled = await db.account.findFirstOrThrow({ where: { status: "disabled" } });
    const calls = await writes();
    const result = await push(disabled.id);
    expect(result.scope).toEqual({ inScope: false, why: "disabled" });
    expect(result.outcome).toEqual({ kind: "not_written", why: "out_of_scope" });

    const outside = await db.organizationalUnit.create({ data: { name: "Elsewhere Ltd", order: 99 } });
    const stranger = await db.account.create({
      data: {
        username: "elsewhere.one",
        displayName: "Elsewhere One",
        memberships: { create: { ouId: outside.id, isPrimary: true } },
      },
    });
    const out = await push(stranger.id);
    expect(out.scope).toEqual({ inScope: false, why: "no_ou_in_scope" });
    expect(out.outcome).toEqual({ kind: "not_written", why: "out_of_scope" });
    expect(await listProvisionTargets(db, stranger.id)).toEqual([]);
    expect(await writes()).toEqual(calls);

    // Left out by the IdP's scoping filter: says so, writes nothing.
    const kept = await db.account.findFirstOrThrow({ where: { status: "enabled", email: { not: null } } });
    await db.identityProvider.update({ where: { id: idpId }, data: { scopeFilter: 'idpUser.email == "nobody"' } });
    try {
      const filtered = await push(kept.id);
      expect(filtered.scope).toEqual({ inScope: false, why: "filtered_out" });
      expect(filtered.outcome).toEqual({ kind: "not_written", why: "out_of_scope" });
      expect(await writes()).toEqual(calls);
    } finally {
      await db.identityProvider.update({ where: { id: idpId }, data: { scopeFilter: null } });
    }
  });

  it("a clash names the DingTalk user holding the value, and nothing is written to it", async () => {
    const account = await deepAccount([created.id]);
    const mobile = formatMobile(account.phoneNumber!, account.phoneRegion);
    await sandbox.client(corp).createUser({ userid: "dt-holder", name: "Stranger Holder", mobile, deptIdList: [1] });
    const calls = await writes();
    const result = await push(account.id);
    expect(result.match).toEqual({
      how: "clash",
      holders: [{ field: "mobile", holder: { userid: "dt-holder", name: "Stranger Holder", departments: null } }],
    });
    expect(result.outcome).toEqual({ kind: "not_written", why: "conflict" });
    expect(await writes()).toEqual(calls);
    expect((await state()).users.find((u) => u.userid === "dt-holder")).toMatchObject({
      name: "Stranger Holder",
      mobile,
    });
    expect(await db.binding.count({ where: { idpId, localId: account.id } })).toBe(0);
  });

  it("an unbound account the identifier matches to an existing DingTalk user is explained and left for review", async () => {
    const account = await db.account.findFirstOrThrow({
      where: {
        status: "enabled",
        id: { not: created.id },
        memberships: { some: { ouId: created.memberships[0].ouId } },
      },
    });
    await sandbox.client(corp).createUser({ userid: account.username, name: "Old Name", deptIdList: [1] });
    const result = await push(account.id);
    expect(result.match).toEqual({
      how: "identifier",
      field: "userid",
      value: account.username,
      userid: account.username,
      name: "Old Name",
    });
    expect(result.ops.map((op) => op.kind)).toEqual(["user_bind"]);
    expect(result.ops[0].diff).toContainEqual({ field: "name", before: "Old Name", after: account.displayName });
    // A link to a user DingTalk already had waits for a full sync's review: nothing is written.
    expect(result.outcome).toEqual({ kind: "not_written", why: "needs_review" });
    expect((await state()).users.find((u) => u.userid === account.username)?.name).toBe("Old Name");
    expect(await db.binding.findFirst({ where: { idpId, localId: account.id } })).toBeNull();
  });

  it("is refused while another run writes, and for a disabled IdP", async () => {
    const run = await db.syncRun.create({
      data: { idpId, kind: "full", trigger: "manual", status: "running", heartbeatAt: new Date() },
    });
    await expect(push(created.id)).rejects.toMatchObject({ code: "errors.runInProgress" });
    await db.syncRun.update({ where: { id: run.id }, data: { status: "cancelled" } });
    await db.identityProvider.update({ where: { id: idpId }, data: { status: "disabled" } });
    const refused = await push(created.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "errors.idpDisabled" });
    expect(await listProvisionTargets(db, created.id)).toEqual([
      expect.objectContaining({ idpId, status: "disabled", bound: true }),
    ]);
    await db.identityProvider.update({ where: { id: idpId }, data: { status: "enabled" } });
  });
});
