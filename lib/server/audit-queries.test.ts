import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeAudit } from "./audit";
import { listAuditEntries } from "./audit-queries";
import { db } from "./db";

// The page reads the process's client (./db): here, a test database of its own.
const testDb = vi.hoisted(() => ({ cleanup: async () => undefined as void }));
vi.mock("./db", async () => {
  const { createTestDb } = await import("./test-db");
  const { db, cleanup } = await createTestDb();
  testDb.cleanup = cleanup;
  return { db };
});

beforeAll(async () => {
  const admin = await db.admin.create({ data: { email: "Alice.Admin@Example.com", name: "Alice", passwordHash: "h" } });
  await writeAudit(db, {
    actor: { id: admin.id, email: admin.email },
    action: "idp.update",
    targetType: "idp",
    targetId: "idp_HQ",
  });
  await writeAudit(db, { actor: "system", action: "account.import", targetType: "account", targetId: "CSV" });
});
afterAll(async () => testDb.cleanup());

describe("listAuditEntries", () => {
  it("matches the action, the actor or the target whatever the case typed", async () => {
    const actions = async (query: string) => (await listAuditEntries({ page: 1, query })).entries.map((e) => e.action);
    expect(await actions("IDP.Update")).toEqual(["idp.update"]);
    expect(await actions("alice.admin@example")).toEqual(["idp.update"]);
    expect(await actions("idp_hq")).toEqual(["idp.update"]);
    expect(await actions("csv")).toEqual(["account.import"]);
    expect(await actions("nobody")).toEqual([]);
    const all = await listAuditEntries({ page: 1 });
    expect(all.total).toBe(2);
    expect(all.entries.map((e) => e.action).sort()).toEqual(["account.import", "idp.update"]);
  });
});
