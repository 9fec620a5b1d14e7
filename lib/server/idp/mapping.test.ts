import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "../sync/demo-sandbox-fixture";
import { applyPlan } from "../sync/plans";
import { waitForRun } from "../sync/runs";
import { saveMapping } from "./mapping";
import { getRules } from "./queries";

type SandboxUser = { userid: string; email?: string; work_place?: string; title?: string };

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "ja" };

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp({ admin });
  ({ db, sandbox, corp, idpId } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("saving field mapping, then syncing it", { timeout: 180_000 }, () => {
  it("a rule the editor accepts is a rule the sync runs: a field path with spaces around the dots", async () => {
    const rules = (await getRules(db, idpId)).map((r) =>
      r.objectType === "user" && r.targetField === "email" ? { ...r, source: "idpUser . email" } : r,
    );
    rules.push({
      objectType: "user",
      targetField: "work_place",
      targetDisplayName: "勤務地",
      kind: "field",
      source: "idpUser.customFields . work_place",
      isMappingIdentifier: false,
      isCustom: true,
    });
    // Save and sync: the first sync's plan waits for review; Apply writes it.
    const saved = await saveMapping({ db, admin, id: idpId, rules, mode: "sync" });
    expect(saved.runId).toBeNull();
    const applied = await applyPlan(db, { planId: saved.planId!, actor: admin });
    if (!("runId" in applied)) throw new Error("the plan's inputs changed");
    const run = await waitForRun(db, applied.runId);
    expect(run.error).toBeNull();
    expect(run.status).toBe("succeeded");
    expect(run.failed).toBe(0);

    const users = (await sandbox.admin<{ users: SandboxUser[] }>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users;
    const account = await db.account.findFirstOrThrow({ where: { username: "emoji.user" } });
    expect(users.find((u) => u.userid === "emoji.user")).toMatchObject({ email: account.email, work_place: "Remote" });

    // Stored: the catalogue fields by key alone, the added field with the label as typed.
    const stored = await getRules(db, idpId);
    expect(stored.find((r) => r.targetField === "email")).toMatchObject({
      source: "idpUser . email",
      targetDisplayName: null,
    });
    expect(stored.find((r) => r.targetField === "work_place")?.targetDisplayName).toBe("勤務地");
  });

  it("refuses, before saving, a rule the sync could not run", async () => {
    const before = await getRules(db, idpId);
    const rules = before.map((r) => (r.targetField === "title" ? { ...r, source: "idpUser.customFields.floor" } : r));
    await expect(saveMapping({ db, admin, id: idpId, rules, mode: "update" })).rejects.toMatchObject({
      code: "mappingErrors.invalidRules",
    });
    expect(await getRules(db, idpId)).toEqual(before);
  });
});
