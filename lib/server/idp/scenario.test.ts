// Wizard step 3 / Modify > Scenario: the in-app SSO switch, against the sandbox and a real migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { ZApplicationSchema, ZScenarioSchema } from "@/lib/schemas/idp";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { saveApplication } from "./application";
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

describe("the scenario's in-app SSO switch", () => {
  it("is on for a new IdP, saved off and on again, and kept when a save leaves it out", async () => {
    const corp = await sandbox.corp();
    const application = ZApplicationSchema.parse({
      displayName: "Test",
      ...corp,
      edition: "private",
      apiBaseUrl: sandbox.url,
      v1BaseUrl: sandbox.url,
      loginBaseUrl: sandbox.url,
    });
    const { id } = await saveApplication({ db, actor: admin, input: application });
    const inAppSso = async () => (await db.identityProvider.findUniqueOrThrow({ where: { id } })).inAppSso;
    expect(await inAppSso()).toBe(true);

    const ou = await db.organizationalUnit.create({ data: { name: "Scope" } });
    const scenario = { id, sourceOuIds: [ou.id], targetDeptId: 1, incrementalSync: false, qrLogin: false };
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse({ ...scenario, inAppSso: false }) });
    expect(await inAppSso()).toBe(false);
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse(scenario) });
    expect(await inAppSso()).toBe(false);
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse({ ...scenario, inAppSso: true }) });
    expect(await inAppSso()).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "idp.scenario" } });
    expect(JSON.parse(audit.details)).toMatchObject({ inAppSso: false });
  });
});

describe("the scenario's deprovisioning policy", () => {
  it("defaults to delete, refuses move without a holding department or with one DingTalk lacks, saves a valid one", async () => {
    const corp = await sandbox.corp();
    const application = ZApplicationSchema.parse({
      displayName: "Deprovision",
      ...corp,
      edition: "private",
      apiBaseUrl: sandbox.url,
      v1BaseUrl: sandbox.url,
      loginBaseUrl: sandbox.url,
    });
    const { id } = await saveApplication({ db, actor: admin, input: application });
    const policy = async () => {
      const idp = await db.identityProvider.findUniqueOrThrow({ where: { id } });
      return { policy: idp.deprovisionPolicy, deptId: idp.deprovisionDeptId };
    };
    expect(await policy()).toEqual({ policy: "delete", deptId: null });

    const ou = await db.organizationalUnit.create({ data: { name: "Scope 2" } });
    const scenario = { id, sourceOuIds: [ou.id], targetDeptId: 1, incrementalSync: false, qrLogin: false };
    const missing = ZScenarioSchema.safeParse({ ...scenario, deprovisionPolicy: "move" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({
      path: ["deprovisionDeptId"],
      message: "idpValidation.holdingDeptRequired",
    });
    const unknown = ZScenarioSchema.parse({ ...scenario, deprovisionPolicy: "move", deprovisionDeptId: 987654 });
    await expect(saveScenario({ db, actor: admin, input: unknown })).rejects.toMatchObject({
      code: "errors.deptNotFound",
      fieldErrors: { deprovisionDeptId: expect.anything() },
    });
    expect(await policy()).toEqual({ policy: "delete", deptId: null });

    const holding = await sandbox.client(corp).createDepartment({ name: "Leavers", parentId: 1 });
    const move = { ...scenario, deprovisionPolicy: "move", deprovisionDeptId: String(holding) };
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse(move) });
    expect(await policy()).toEqual({ policy: "move", deptId: holding });
    // Left out, the policy stays; unbind forgets the holding department.
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse(scenario) });
    expect(await policy()).toEqual({ policy: "move", deptId: holding });
    const unbind = { ...scenario, deprovisionPolicy: "unbind", deprovisionDeptId: holding };
    await saveScenario({ db, actor: admin, input: ZScenarioSchema.parse(unbind) });
    expect(await policy()).toEqual({ policy: "unbind", deptId: null });
  });
});
