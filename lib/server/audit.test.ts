import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskSecrets, writeAudit } from "./audit";
import type { Db } from "./prisma-client";
import { createTestDb } from "./test-db";

describe("audit", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await createTestDb()));
  afterAll(async () => cleanup());

  it("masks secret-looking keys at any depth and keeps the rest", () => {
    expect(
      maskSecrets({ appKey: "k", appSecret: "s", nested: [{ password: "p", name: "n" }], accessToken: "" }),
    ).toEqual({
      appKey: "k",
      appSecret: "••••",
      nested: [{ password: "••••", name: "n" }],
      accessToken: "",
    });
  });

  it("writes who, what, target and masked details", async () => {
    const admin = await db.admin.create({ data: { email: "x@example.com", name: "X", passwordHash: "h" } });
    await writeAudit(db, {
      actor: { id: admin.id, email: admin.email },
      action: "idp.update",
      targetType: "idp",
      targetId: "idp_1",
      details: { displayName: "HQ", appSecret: "plain" },
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "idp.update" } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      actorLabel: "x@example.com",
      targetType: "idp",
      targetId: "idp_1",
    });
    expect(JSON.parse(entry.details)).toEqual({ displayName: "HQ", appSecret: "••••" });
    expect(entry.details).not.toContain("plain");
  });
});
