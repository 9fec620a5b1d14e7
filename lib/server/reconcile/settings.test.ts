// The schedule's due times, and the settings saved from Modify with their audit entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../prisma-client";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { createTestDb } from "../test-db";
import { nextDueAfter } from "./schedule";
import { loadReconcileSettingsView, saveReconcileSettings } from "./settings";

describe("nextDueAfter", () => {
  const at = (h: number, m = 0, day = 2) => new Date(2026, 11, day, h, m, 0, 0);

  it.each([
    ["before the time: today", at(1), at(3)],
    ["at the time: tomorrow", at(3), at(3, 0, 3)],
    ["after the time: tomorrow", at(9, 30), at(3, 0, 3)],
  ])("daily at 03:00, %s", (_, from, due) => {
    expect(nextDueAfter({ schedule: "daily", everyHours: 24, at: "03:00" }, from)).toEqual(due);
  });

  it("every N hours counts from now, so missed slots are not run one by one", () => {
    expect(nextDueAfter({ schedule: "hours", everyHours: 6, at: "03:00" }, at(9))).toEqual(at(15));
  });

  it("off is never due", () => {
    expect(nextDueAfter({ schedule: "off", everyHours: 6, at: "03:00" }, at(9))).toBeNull();
  });
});

describe("reconcile settings", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let idpId: string;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    const app = { corpId: "dingsettings", appKey: "k", appSecret: "s" };
    idpId = await createSandboxIdp(db, { sandboxUrl: "http://127.0.0.1:9", app, sourceOuIds: [] });
  });
  afterAll(async () => cleanup());

  it("defaults to daily at 03:00, report only, in the server's time zone", async () => {
    const view = await loadReconcileSettingsView(db, idpId);
    expect(view).toMatchObject({ schedule: "daily", at: "03:00", driftPolicy: "report", nextAt: null });
    expect(view.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("saves the schedule and the policy, moves the due time, and audits the change", async () => {
    const before = Date.now();
    const input = { id: idpId, schedule: "hours" as const, everyHours: 4, at: "03:00", driftPolicy: "repair" as const };
    await saveReconcileSettings({ db, actor: "system", input });
    const view = await loadReconcileSettingsView(db, idpId);
    expect(view).toMatchObject({ schedule: "hours", everyHours: 4, driftPolicy: "repair" });
    const due = new Date(view.nextAt!).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 4 * 3_600_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 4 * 3_600_000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idp.reconcile.update", targetId: idpId } });
    expect(JSON.parse(audit.details)).toEqual({ schedule: "hours", everyHours: 4, at: "03:00", driftPolicy: "repair" });
    await saveReconcileSettings({ db, actor: "system", input: { ...input, schedule: "off" } });
    expect((await loadReconcileSettingsView(db, idpId)).nextAt).toBeNull();
  });
});
