import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { functionCatalog, functionGroups } from "./functions";

// Every function in shared/EXPRESSIONS.md, and nothing else.
const contract = [
  "Append",
  "Join",
  "Coalesce",
  "IIF",
  "Switch",
  "IsNull",
  "IsNullOrEmpty",
  "IsPresent",
  "Not",
  "SubstringBefore",
  "SubstringAfter",
  "Mid",
  "Left",
  "Right",
  "Trim",
  "StripSpaces",
  "ToLower",
  "ToUpper",
  "PCase",
  "Replace",
  "NormalizeDiacritics",
  "Length",
  "Split",
  "ArrayMap",
  "ArrayJoin",
  "ObjectToJsonString",
  "FormatDateTime",
  "Now",
];

describe("functionCatalog", () => {
  it("lists exactly the functions of the contract", () => {
    expect(functionCatalog.map((f) => f.name).sort()).toEqual([...contract].sort());
  });

  it.each(functionCatalog.map((f) => [f.name, f] as const))(
    "%s has help in three languages and an example that compiles",
    (name, info) => {
      for (const text of Object.values(info.description)) expect(text.length).toBeGreaterThan(5);
      expect(Object.keys(info.description).sort()).toEqual(["en", "ja", "zh-CN"]);
      expect(info.signature.startsWith(`${name}(`)).toBe(true);
      expect(info.example).toContain(`${name}(`);
      expect(() => compile(info.example)).not.toThrow();
      expect(info.params.length).toBeGreaterThanOrEqual(info.minArgs);
    },
  );

  it("puts every function in one of the reference's groups, group by group", () => {
    const groups = functionCatalog.map((f) => f.group);
    expect(new Set(groups)).toEqual(new Set(functionGroups));
    expect(groups).toEqual([...groups].sort((a, b) => functionGroups.indexOf(a) - functionGroups.indexOf(b)));
  });
});
