import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../prisma-client";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { createTestDb } from "../test-db";
import { departmentLabels } from "./run-departments";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup?.());

const diff = (field: string, before: string | null, after: string | null) => ({
  diff: JSON.stringify([{ field, before, after }]),
});

describe("department references in run records", () => {
  it("names each department by its path: an OU to create, a bound department, the target node, or a DingTalk dept_id", async () => {
    const root = await db.organizationalUnit.create({ data: { name: "Acme" } });
    const eng = await db.organizationalUnit.create({ data: { name: "Engineering", parentId: root.id } });
    const be = await db.organizationalUnit.create({ data: { name: "Backend", parentId: eng.id } });
    const app = { corpId: "corp", appKey: "key", appSecret: "secret" };
    const idpId = await createSandboxIdp(db, { sandboxUrl: "http://127.0.0.1:9", app, sourceOuIds: [root.id] });
    await db.binding.create({ data: { idpId, objectType: "organization", localId: eng.id, remoteId: "42" } });
    const labels = await departmentLabels(db, { id: idpId, targetDeptId: 1 }, [
      diff("parent_id", null, `ou:${be.id}`),
      diff("dept_id_list", "1,77", "42"),
      diff("title", "ou:not-a-ref", "x"),
    ]);
    expect(labels).toEqual({
      [`ou:${be.id}`]: { kind: "ou", path: ["Acme", "Engineering", "Backend"] },
      "42": { kind: "ou", path: ["Acme", "Engineering"] },
      "1": { kind: "target" },
      "77": { kind: "dingtalk", deptId: 77 },
    });
    // No OU id survives into the labels.
    expect(JSON.stringify(labels)).not.toContain(`"${eng.id}"`);
  });
});
