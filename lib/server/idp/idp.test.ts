import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught, TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { ZApplicationSchema } from "@/lib/schemas/idp";
import { AppError } from "../app-error";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { openSecret } from "../secrets";
import { createTestDb } from "../test-db";
import { saveApplication } from "./application";
import { saveMapping } from "./mapping";
import { checkPermissions } from "./permissions";
import { getIdp, getRules } from "./queries";
import { saveScenario } from "./scenario";

const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };
let db: Db;
let cleanup: () => Promise<void>;
let sandbox: TestSandbox;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await db.admin.create({ data: { id: admin.id, email: admin.email, name: admin.name, passwordHash: "x" } });
  sandbox = await TestSandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  await cleanup();
});

async function draft(scopes?: string[]) {
  const corp = await sandbox.corp({ scopes });
  const input = ZApplicationSchema.parse({
    displayName: "Test",
    ...corp,
    edition: "private",
    apiBaseUrl: sandbox.url,
    v1BaseUrl: sandbox.url,
    loginBaseUrl: sandbox.url,
  });
  return { corp, input, ...(await saveApplication({ db, actor: admin, input })) };
}

describe("the Bind DingTalk wizard, against the sandbox", () => {
  it("step 1 seals the AppSecret with the row id, writes the default rules and audits without the secret", async () => {
    const { id, corp } = await draft();
    const row = await db.identityProvider.findUniqueOrThrow({ where: { id } });
    expect(row.appSecretEncrypted).not.toContain(corp.appSecret);
    expect(openSecret(row.appSecretEncrypted, id)).toBe(corp.appSecret);
    expect(row).toMatchObject({ status: "draft", wizardStep: 2 });
    expect((await getRules(db, id)).find((r) => r.isMappingIdentifier)?.targetField).toBe("userid");
    expect(await getIdp(db, id)).not.toHaveProperty("appSecretEncrypted");
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "idp.create" } });
    expect(audit.details).not.toContain(corp.appSecret);
  });

  it("step 1 names the fields of a wrong AppSecret and refuses a CorpId bound already", async () => {
    const { corp, input, id } = await draft();
    const wrong = (await caught(() =>
      saveApplication({ db, actor: admin, input: { ...input, id, appSecret: "nope" } }),
    )) as AppError;
    expect(wrong.code).toBe("errors.dingtalk");
    expect(wrong.params).toMatchObject({ code: "api_error", kind: "auth", errcode: 40089 });
    expect(wrong.fieldErrors?.appSecret).toEqual([{ code: "errors.dingtalk", params: wrong.params }]);
    const taken = (await caught(() => saveApplication({ db, actor: admin, input }))) as AppError;
    expect(taken.fieldErrors?.corpId).toEqual([{ code: "errors.corpIdTaken" }]);
    expect(corp.corpId).toBeTruthy();
  });

  it("step 2 names a missing write permission and does not move on", async () => {
    const { id } = await draft([
      "qyapi_get_member",
      "qyapi_get_member_by_mobile",
      "qyapi_get_department_list",
      "qyapi_get_department_member",
    ]);
    const report = await checkPermissions({ db, actor: admin, id });
    expect(report).toMatchObject({ isPassed: false, missing: ["qyapi_manage_addresslist"] });
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id } })).wizardStep).toBe(2);
  });

  it("step 3 refuses a missing department and incremental sync before a full sync", async () => {
    const { id } = await draft();
    expect((await checkPermissions({ db, actor: admin, id })).isPassed).toBe(true);
    const ou = await db.organizationalUnit.create({ data: { name: "Scope" } });
    const missing = (await caught(() =>
      saveScenario({
        db,
        actor: admin,
        input: { id, sourceOuIds: [ou.id], targetDeptId: 987654, incrementalSync: false, qrLogin: false },
      }),
    )) as AppError;
    expect(missing.fieldErrors?.targetDeptId).toEqual([{ code: "errors.deptNotFound" }]);
    const early = (await caught(() =>
      saveScenario({
        db,
        actor: admin,
        input: { id, sourceOuIds: [ou.id], targetDeptId: 1, incrementalSync: true, qrLogin: false },
      }),
    )) as AppError;
    expect(early.fieldErrors?.incrementalSync).toEqual([{ code: "errors.incrementalBeforeFull" }]);
    expect(
      await saveScenario({
        db,
        actor: admin,
        input: { id, sourceOuIds: [ou.id], targetDeptId: 1, incrementalSync: false, qrLogin: true },
      }),
    ).toMatchObject({ deptId: 1 });

    // Step 4: the server re-checks every rule with the same messages, then "Save only" enables without a run.
    const rules = await getRules(db, id);
    const bad = rules.map((r) =>
      r.targetField === "email"
        ? { ...r, kind: "expression" as const, source: 'SubstringBefore(idpUser.email,"@"' }
        : r,
    );
    const refused = (await caught(() => saveMapping({ db, admin, id, rules: bad, mode: "save" }))) as AppError;
    expect(refused.code).toBe("mappingErrors.invalidRules");
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual([
      `rules.${rules.findIndex((r) => r.targetField === "email")}.source`,
    ]);
    expect(await saveMapping({ db, admin, id, rules, mode: "save" })).toEqual({ runId: null, planId: null });
    expect(await db.identityProvider.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "enabled",
      wizardStep: 5,
    });
    expect(await db.syncRun.count({ where: { idpId: id } })).toBe(0);
  });
});

/** A loopback HTTP server that only counts the connections and requests that reach it. */
async function countingServer() {
  const seen = { connections: 0, requests: 0 };
  const server = createServer((_req, res) => {
    seen.requests += 1;
    res.writeHead(404).end();
  });
  server.on("connection", () => (seen.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, seen, close };
}

describe("Modify > basic settings: the stored AppSecret goes only where it was entered for (issue 14)", () => {
  it.each(["apiBaseUrl", "v1BaseUrl", "loginBaseUrl"] as const)(
    "refuses a new %s without the AppSecret, and nothing reaches the new URL",
    async (field) => {
      const { id, input, corp } = await draft();
      const before = (await sandbox.calls(corp.corpId)).total;
      const attacker = await countingServer();
      try {
        const refused = await saveApplication({
          db,
          actor: admin,
          input: { ...input, id, appSecret: "", [field]: attacker.url },
        }).catch((err: unknown) => err);
        expect(attacker.seen).toEqual({ connections: 0, requests: 0 });
        expect(refused).toBeInstanceOf(AppError);
        expect((refused as AppError).code).toBe("errors.appSecretReentry");
        expect((refused as AppError).fieldErrors).toEqual({ appSecret: [{ code: "errors.appSecretReentry" }] });
      } finally {
        await attacker.close();
      }
      // Refused before any call: not even the old endpoint was asked, and nothing was saved.
      expect((await sandbox.calls(corp.corpId)).total).toBe(before);
      expect(await db.identityProvider.findUniqueOrThrow({ where: { id } })).toMatchObject({
        apiBaseUrl: sandbox.url,
        v1BaseUrl: sandbox.url,
        loginBaseUrl: sandbox.url,
      });
    },
  );

  it("refuses a change of edition without the AppSecret", async () => {
    const { id, input } = await draft();
    const refused = (await caught(() =>
      saveApplication({ db, actor: admin, input: { ...input, id, appSecret: "", edition: "public" } }),
    )) as AppError;
    expect(refused.fieldErrors?.appSecret).toEqual([{ code: "errors.appSecretReentry" }]);
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id } })).edition).toBe("private");
  });

  it("accepts a new base URL once the AppSecret is typed again, and only then calls it", async () => {
    const { id, input, corp } = await draft();
    const other = await TestSandbox.start();
    try {
      await other.admin("POST", "/_sandbox/apps", corp);
      await other.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 0 });
      const moved = { ...input, id, apiBaseUrl: other.url, v1BaseUrl: other.url, loginBaseUrl: other.url };
      await caught(() => saveApplication({ db, actor: admin, input: { ...moved, appSecret: "" } }));
      expect((await other.calls(corp.corpId)).total).toBe(0);

      expect(await saveApplication({ db, actor: admin, input: { ...moved, appSecret: corp.appSecret } })).toEqual({
        id,
      });
      expect((await other.calls(corp.corpId)).byPath["/gettoken"]).toBeDefined();
      const row = await db.identityProvider.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ apiBaseUrl: other.url, v1BaseUrl: other.url, loginBaseUrl: other.url });
      expect(openSecret(row.appSecretEncrypted, id)).toBe(corp.appSecret);
    } finally {
      await other.close();
    }
  });

  it("keeps the stored AppSecret, as before, when the edition and base URLs stay the same", async () => {
    const { id, input, corp } = await draft();
    const saved = await saveApplication({
      db,
      actor: admin,
      input: { ...input, id, appSecret: "", displayName: "Renamed" },
    });
    expect(saved).toEqual({ id });
    const row = await db.identityProvider.findUniqueOrThrow({ where: { id } });
    expect(row.displayName).toBe("Renamed");
    expect(openSecret(row.appSecretEncrypted, id)).toBe(corp.appSecret);
  });
});
