// Matching fallbacks: validated, saved and audited with the rules, and read by every run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { ZSaveMappingSchema } from "@/lib/schemas/mapping";
import { formatMobile } from "@/lib/sync";
import { readReason } from "@/lib/sync/reasons";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "../sync/demo-sandbox-fixture";
import { applyPlan } from "../sync/plans";
import { waitForRun } from "../sync/runs";
import { saveMapping } from "./mapping";
import { getRules } from "./queries";

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp({ admin });
  ({ db, sandbox, corp, idpId } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("matching fallbacks", { timeout: 180_000 }, () => {
  it("the schema takes known fallbacks in order, each once, never the identifier's own field", async () => {
    const rules = await getRules(db, idpId);
    const parse = (matchFallbacks: unknown, r = rules) =>
      ZSaveMappingSchema.safeParse({ id: idpId, rules: r, mode: "update", matchFallbacks });
    expect(parse(["email", "mobile"]).data?.matchFallbacks).toEqual(["email", "mobile"]);
    expect(parse(undefined).success).toBe(true);
    expect(parse(["mobile", "mobile"]).error?.issues[0].message).toBe("idpValidation.matchFallbacks");
    expect(parse(["nickname"]).success).toBe(false);
    const byMobile = rules.map((r) => ({
      ...r,
      isMappingIdentifier: r.objectType === "user" && r.targetField === "mobile",
    }));
    const refused = parse(["mobile"], byMobile);
    expect(refused.error?.issues).toMatchObject([
      { path: ["matchFallbacks"], message: "idpValidation.matchFallbacks" },
    ]);
    expect(parse(["email"], byMobile).success).toBe(true);
  });

  it("a same-mobile DingTalk user is a conflict until the mobile fallback is on; then the next sync binds it", async () => {
    const rules = await getRules(db, idpId);
    const account = await db.account.findFirstOrThrow({
      where: { phoneNumber: { not: null } },
      orderBy: { username: "asc" },
    });
    const mobile = formatMobile(account.phoneNumber!, account.phoneRegion);
    const sandboxClient = sandbox.client(corp);
    await sandboxClient.createUser({ userid: "dt-stranger", name: "Zhang Wei", mobile, deptIdList: [1] });
    type State = { users: { userid: string; name: string; mobile?: string }[] };
    const stranger = async () =>
      (await sandbox.admin<State>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users.find(
        (u) => u.userid === "dt-stranger",
      );
    const before = await stranger();

    const apply = async (saved: { planId: string | null }) => {
      const applied = await applyPlan(db, { planId: saved.planId!, actor: admin });
      if (!("runId" in applied)) throw new Error("the plan's inputs changed");
      return waitForRun(db, applied.runId);
    };
    const first = await apply(await saveMapping({ db, admin, id: idpId, rules, mode: "sync" }));
    expect(await stranger()).toEqual(before);
    const record = await db.syncRecord.findFirstOrThrow({ where: { runId: first.id, localId: account.id } });
    expect(record.status).toBe("failed");
    expect(readReason(record.reason)).toMatchObject({
      code: "clash_with_user",
      params: { field: "mobile", userid: "dt-stranger", name: "Zhang Wei" },
    });

    // A plan that links an existing DingTalk user always waits for review.
    const saved = await saveMapping({ db, admin, id: idpId, rules, matchFallbacks: ["mobile"], mode: "sync" });
    expect(saved.runId).toBeNull();
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).matchFallbacks).toBe('["mobile"]');
    const second = await apply(saved);
    const bound = await db.syncRecord.findFirstOrThrow({ where: { runId: second.id, localId: account.id } });
    expect(bound).toMatchObject({ status: "succeeded", action: "bind", remoteId: "dt-stranger" });
    expect(readReason(bound.reason)).toMatchObject({ code: "matched_by_fallback", params: { field: "mobile" } });
    expect((await stranger())?.name).toBe(account.displayName);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "idp.mapping.update", targetId: idpId },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.details).matchFallbacks).toEqual({ before: [], after: ["mobile"] });

    // Left out, the stored fallbacks stay.
    await saveMapping({ db, admin, id: idpId, rules, mode: "update" });
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).matchFallbacks).toBe('["mobile"]');
  });
});
