import { describe, expect, it } from "vitest";
import { SyncError } from "./errors";
import { contentHash } from "./hash";
import { mappingFieldCatalog, userRule, type MappingRule } from "@/lib/mapping";
import { compileSyncRules, mapUser } from "./mapping";
import { account, defaultRules } from "./testing";

const rule = (targetField: string, source: string, kind: MappingRule["kind"] = "expression"): MappingRule =>
  userRule(targetField, source, { kind });
// check() wants exactly one identifier: the userid rule, unless a test maps userid itself.
const withIdentifier = (rules: MappingRule[]) =>
  rules.some((r) => r.isMappingIdentifier)
    ? rules
    : rules.some((r) => r.targetField === "userid")
      ? rules.map((r) => (r.targetField === "userid" ? { ...r, isMappingIdentifier: true } : r))
      : [userRule("userid", "idpUser.username", { isMappingIdentifier: true }), ...rules];
const compileRules = (rules: MappingRule[]) => compileSyncRules(withIdentifier(rules), mappingFieldCatalog(["floor"]));

describe("mapUser", () => {
  it("maps fields, formats mobiles with the region and defaults userid to the username", () => {
    const a = account("a1", "zhang.wei", ["ou1"], {
      displayName: "Zhang Wei",
      phoneNumber: "13800000001",
      email: "zw@example.com",
    });
    const m = mapUser(a, compileRules(defaultRules()));
    expect(m.userid).toBe("zhang.wei");
    expect(m.fields).toEqual({
      name: "Zhang Wei",
      mobile: "+86-13800000001",
      email: "zw@example.com",
      title: null,
      job_number: null,
    });
    expect(m.errors).toEqual([]);
    expect(
      mapUser({ ...a, phoneRegion: "81", phoneNumber: "9000000004" }, compileRules(defaultRules())).fields.mobile,
    ).toBe("+81-9000000004");
  });

  it("applies expressions and converts values with toFieldValue", () => {
    const rules = compileRules([
      rule("userid", 'SubstringBefore(idpUser.email, "@")'),
      rule("work_place", "idpUser.customFields.floor"),
    ]);
    const m = mapUser(account("a1", "u", ["ou1"], { email: "li.na@example.com", customFields: { floor: 7 } }), rules);
    expect(m.userid).toBe("li.na");
    expect(m.fields.work_place).toBe("7");
  });

  it.each([
    ["title", "x".repeat(201), { warning: "cut" }],
    ["work_place", "x".repeat(101), { warning: "cut" }],
    ["email", `${"x".repeat(45)}@example.com`, { error: "too_long" }],
    ["job_number", "x".repeat(51), { error: "too_long" }],
    ["telephone", "1".repeat(51), { error: "too_long" }],
    ["org_email", `${"x".repeat(95)}@a.com`, { error: "too_long" }],
  ])("length rule of %s", (field, value, expected) => {
    const m = mapUser(account("a1", "u", ["ou1"]), compileRules([rule(field, JSON.stringify(value))]));
    if ("warning" in expected) {
      expect(m.warnings).toEqual([{ field, code: "cut", params: { max: expect.any(Number), length: value.length } }]);
      expect(m.fields[field]).toHaveLength(value.length - 1);
    } else {
      expect(m.errors).toEqual([
        { field, code: "too_long", params: { max: expect.any(Number), length: value.length } },
      ]);
    }
  });

  it("refuses an empty name and an array value", () => {
    const m = mapUser(
      account("a1", "u", ["ou1"]),
      compileRules([rule("name", "null"), rule("title", 'Split("a,b", ",")')]),
    );
    expect(m.errors.map((e) => [e.field, e.code])).toEqual([
      ["name", "required"],
      ["title", "expression_type"],
    ]);
  });

  it("throws SyncError for a rule that does not compile or a field rule that is not a path", () => {
    expect(() => compileRules([rule("title", "Left(idpUser.jobTitle")])).toThrow(SyncError);
    expect(() => compileRules([rule("title", "Trim(idpUser.jobTitle)", "field")])).toThrow(SyncError);
    const two = defaultRules("email").map((r) =>
      r.targetField === "mobile" ? { ...r, isMappingIdentifier: true } : r,
    );
    expect(() => compileSyncRules(two, mappingFieldCatalog([]))).toThrow(
      expect.objectContaining({ code: "identifier_invalid" }),
    );
    expect(() => compileRules([rule("title", "idpUser.customFields.nope")])).toThrow(
      expect.objectContaining({
        code: "rule_invalid",
        params: expect.objectContaining({ targetField: "title", code: "expression" }),
      }),
    );
  });
});

describe("contentHash", () => {
  it("does not depend on key order", () => {
    expect(contentHash({ a: "1", b: ["x", null] })).toBe(contentHash({ b: ["x", null], a: "1" }));
    expect(contentHash({ a: "1" })).not.toBe(contentHash({ a: "2" }));
  });
});
