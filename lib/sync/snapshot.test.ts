import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { readSnapshot } from "./snapshot";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

describe("readSnapshot", () => {
  it("walks departments level by level, pages every department's members and lists each user once", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp);
    const a = await client.createDepartment({ name: "A", parentId: 1, order: 1 });
    const b = await client.createDepartment({ name: "B", parentId: a, order: 2, sourceIdentifier: "ou-b" });
    const c = await client.createDepartment({ name: "C", parentId: b });
    const outside = await client.createDepartment({ name: "Outside", parentId: 1 });
    for (let i = 0; i < 5; i += 1)
      await client.createUser({ userid: `u${i}`, name: `U${i}`, deptIdList: [c], title: "T" });
    await client.createUser({ userid: "multi", name: "Multi", deptIdList: [a, b, c], mobile: "+86-13800000001" });
    await client.createUser({ userid: "away", name: "Away", deptIdList: [outside] });

    const snap = await readSnapshot(client, a, { pageSize: 2 });
    expect(snap).toMatchObject({ targetDeptId: a, targetLevel: 2 });
    expect(snap.departments).toEqual([
      { deptId: b, name: "B", parentId: a, order: 2, sourceIdentifier: "ou-b" },
      { deptId: c, name: "C", parentId: b, order: 0, sourceIdentifier: undefined },
    ]);
    expect(snap.users.map((u) => u.userid).sort()).toEqual(["multi", "u0", "u1", "u2", "u3", "u4"]);
    const multi = snap.users.find((u) => u.userid === "multi");
    expect(multi).toMatchObject({ deptIdList: [a, b, c], fields: { name: "Multi", mobile: "+86-13800000001" } });
    expect(snap.users.find((u) => u.userid === "u4")?.fields.title).toBe("T");
    expect((await readSnapshot(client, c)).targetLevel).toBe(4);
  });

  it("says clearly when the target node does not exist", async () => {
    const client = sb.client(await sb.corp());
    await expect(readSnapshot(client, 424242)).rejects.toMatchObject({ name: "SyncError", code: "target_not_found" });
  });
});
