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
