// The scoping filter on the server: refused like a rule when it does not check, saved and audited
// with the mapping, counted before saving, and read by the next plan.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CurrentAdmin } from "../auth";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "../sync/demo-sandbox-fixture";
import { readPlanPage } from "../sync/plan-pages";
import { preparePlan } from "../sync/plans";
import { saveMapping } from "./mapping";
import { getRules } from "./queries";
import { countScope } from "./scope-count";

const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };
let f: DemoSandboxFixture;
beforeAll(async () => {
  f = await startDemoSandboxIdp({ admin });
}, 120_000);
afterAll(() => f?.close());

const ENGINEERS = 'idpUser.jobTitle == "Senior Engineer"';

it("counts, refuses, saves, audits and plans with a scoping filter", { timeout: 120_000 }, async () => {
  const { db, idpId } = f;
  const enabled = await db.account.count({ where: { status: { not: "disabled" } } });
  const engineers = await db.account.count({ where: { status: { not: "disabled" }, jobTitle: "Senior Engineer" } });
  expect(engineers).toBeGreaterThan(0);

  expect(await countScope(db, { idpId, scopeFilter: "" })).toEqual({
    total: enabled,
    inScope: enabled,
    outOfScope: 0,
    failed: 0,
  });
  expect(await countScope(db, { idpId, scopeFilter: ENGINEERS })).toEqual({
    total: enabled,
    inScope: engineers,
    outOfScope: enabled - engineers,
    failed: 0,
  });
  await expect(countScope(db, { idpId, scopeFilter: "idpUser.jobTitle ==" })).rejects.toMatchObject({
    fieldErrors: { scopeFilter: [{ code: "mappingErrors.expression" }] },
  });

  const rules = await getRules(db, idpId);
  const refused = saveMapping({
    db,
    admin,
    id: idpId,
    rules,
    scopeFilter: "idpOrganizationalUnit.parentId == 1",
    mode: "update",
  });
  await expect(refused).rejects.toMatchObject({
    fieldErrors: { scopeFilter: [{ code: "mappingErrors.scopeFilterUserOnly" }] },
  });
  expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).scopeFilter).toBeNull();

  await saveMapping({ db, admin, id: idpId, rules, scopeFilter: ` ${ENGINEERS} `, mode: "update" });
  expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).scopeFilter).toBe(ENGINEERS);
  const audit = await db.auditLog.findFirstOrThrow({
    where: { action: "idp.mapping.update", targetId: idpId },
    orderBy: { createdAt: "desc" },
  });
  expect(JSON.parse(audit.details).scopeFilter).toEqual({ before: null, after: ENGINEERS });
  // Left out, the stored filter stays.
  await saveMapping({ db, admin, id: idpId, rules, mode: "update" });
  expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).scopeFilter).toBe(ENGINEERS);

  // The first sync's plan creates the engineers only.
  const { planId } = await preparePlan(db, { idpId, actor: admin });
  const creates = await readPlanPage(db, { planId, group: "create" });
  const users = (await db.syncPlanItem.findMany({ where: { planId, reviewGroup: "create" } })).filter((i) =>
    i.op.includes('"objectType":"user"'),
  );
  expect(users).toHaveLength(engineers);
  expect(creates?.plan.counts.create).toBeGreaterThanOrEqual(engineers);
});
