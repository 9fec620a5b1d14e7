import { describe, expect, it } from "vitest";
import { writtenValue } from "./fields";
import { planSync } from "./plan";
import { account, defaultRules, ou } from "./testing";

describe("writtenValue", () => {
  it.each([
    ["mobile", "13800000001", "86", { value: "+86-13800000001" }],
    ["mobile", " 138 0000 0001 ", null, { value: "+86-13800000001" }],
    ["mobile", "9000000004", "81", { value: "+81-9000000004" }],
    ["mobile", "+852-51234567", "86", { value: "+852-51234567" }],
    ["title", "  Engineer  ", null, { value: "Engineer" }],
    ["email", "", null, { value: null }],
    ["remark", null, null, { value: null }],
  ] as const)("writes %s %j (region %s) as %j", (field, value, region, expected) => {
    expect(writtenValue(field, value, region)).toEqual(expected);
  });

  it("cuts prose to DingTalk's length with a warning", () => {
    const result = writtenValue("title", "x".repeat(205), null);
    expect(result.value).toBe("x".repeat(200));
    expect(result.warning).toEqual({ field: "title", code: "cut", params: { max: 200, length: 205 } });
  });

  it("refuses identifiers and addresses over the length, and an empty required field", () => {
    expect(writtenValue("email", `${"a".repeat(45)}@example.com`, null)).toEqual({
      value: null,
      error: { field: "email", code: "too_long", params: { max: 50, length: 57 } },
    });
    expect(writtenValue("userid", "  ", null)).toEqual({ value: null, error: { field: "userid", code: "required" } });
  });
});

describe("a user create's diff", () => {
  it("shows the mobile as written to DingTalk", () => {
    const alice = account("a1", "alice", ["root"], { displayName: "Alice", phoneNumber: "13800000001" });
    const plan = planSync({
      sourceRootIds: ["root"],
      ous: [ou("root", "Acme", null)],
      accounts: [{ ...alice, phoneRegion: "86" }],
      rules: defaultRules("userid"),
      snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [] },
      bindings: [],
    });
    const create = plan.ops.find((op) => op.kind === "user_create");
    expect(create?.diff).toContainEqual({ field: "mobile", before: null, after: "+86-13800000001" });
  });
});
