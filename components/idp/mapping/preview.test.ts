import { describe, expect, it } from "vitest";
import { mappingFieldCatalog, userRule, type MappingRule } from "@/lib/mapping";
import { previewRule } from "./preview";

const catalog = mappingFieldCatalog([]);
const idpUser = { username: "zhang.wei", displayName: "Zhang Wei", phoneNumber: "13800000001", phoneRegion: "86" };
const preview = (rule: MappingRule, user: object = idpUser) => previewRule(rule, { idpUser: user }, catalog, "en");

describe("previewRule", () => {
  it("shows a mobile as the sync writes it, in the account's region", () => {
    expect(preview(userRule("mobile", "idpUser.phoneNumber"))).toEqual({ kind: "value", text: "+86-13800000001" });
    expect(preview(userRule("mobile", "idpUser.phoneNumber"), { ...idpUser, phoneRegion: "81" })).toEqual({
      kind: "value",
      text: "+81-13800000001",
    });
  });

  it("shows a cut title cut, and says so", () => {
    const rule = userRule("title", '"' + "t".repeat(205) + '"', { kind: "expression" });
    expect(preview(rule)).toEqual({
      kind: "value",
      text: "t".repeat(200),
      note: { code: "mappingPreview.cut", params: { max: 200, length: 205 } },
    });
  });

  it("says a value too long for an identifier field is not written", () => {
    const rule = userRule("email", `"${"a".repeat(45)}@example.com"`, { kind: "expression" });
    expect(preview(rule)).toEqual({
      kind: "refused",
      note: { code: "mappingPreview.too_long", params: { max: 50, length: 57 } },
    });
  });

  it("trims like the sync, and leaves expression errors as they were", () => {
    expect(preview(userRule("name", '"  Wei  "', { kind: "expression" }))).toEqual({ kind: "value", text: "Wei" });
    expect(preview(userRule("title", '"   "', { kind: "expression" }))).toEqual({ kind: "empty" });
    expect(preview(userRule("title", "Foo(", { kind: "expression" })).kind).toBe("error");
  });
});
