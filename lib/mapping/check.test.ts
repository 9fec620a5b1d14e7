import { describe, expect, it } from "vitest";
import { mappingFieldCatalog, checkRules, problemAsExpressionError, type RuleProblem } from "./check";
import { defaultMappingRules, userRule, type MappingRule } from "./rule";

const catalog = mappingFieldCatalog(["work_place"]);
const rule = (overrides: Partial<MappingRule>): MappingRule => ({
  ...userRule("name", "idpUser.displayName"),
  ...overrides,
});
const base = [userRule("userid", "idpUser.username", { isMappingIdentifier: true }), rule({})];
const codeOf = (p: RuleProblem) => (p.code === "expression" ? p.params.reason : p.code);
const keys = (rules: MappingRule[]) => checkRules(rules, catalog).map((p) => `${p.index}:${codeOf(p)}`);

describe("checkRules", () => {
  const cases: [string, MappingRule[], string[]][] = [
    ["the defaults", [], []],
    ["a custom field path", [rule({ targetField: "work_place", source: "idpUser.customFields.work_place" })], []],
    ["a path with spaces around the dot", [rule({ targetField: "email", source: "idpUser . email" })], []],
    [
      "an expression",
      [rule({ targetField: "email", kind: "expression", source: 'SubstringBefore(idpUser.email,"@")' })],
      [],
    ],
    ["a disabled rule with junk", [rule({ targetField: "title", kind: "disabled", source: "((" })], []],
    ["a field that is not DingTalk's", [rule({ targetField: "nickname" })], ["2:notUserField"]],
    ["a field used twice", [rule({})], ["2:fieldUsed"]],
    [
      "an expression in a field rule",
      [rule({ targetField: "title", source: "Trim(idpUser.jobTitle)" })],
      ["2:notAField"],
    ],
    [
      "an organization field in a user rule",
      [rule({ targetField: "title", source: "idpOrganizationalUnit.organizationalUnitName" })],
      ["2:wrongRoot"],
    ],
    ["an empty expression", [rule({ targetField: "title", kind: "expression", source: " " })], ["2:required"]],
    [
      "an added field without a field ID",
      [rule({ targetField: " ", targetDisplayName: "Desk", isCustom: true, kind: "expression", source: '"a"' })],
      ["2:fieldIdRequired"],
    ],
    [
      "a syntax error",
      [rule({ targetField: "title", kind: "expression", source: 'SubstringBefore(idpUser.email,"@"' })],
      ["2:expected"],
    ],
    [
      "an unknown field",
      [rule({ targetField: "title", kind: "expression", source: "idpUser.emial" })],
      ["2:unknown_field"],
    ],
    [
      "an added field without a label",
      [rule({ targetField: "title", isCustom: true, targetDisplayName: " " })],
      ["2:labelRequired"],
    ],
    ["an added field with a label", [rule({ targetField: "title", isCustom: true, targetDisplayName: "役職" })], []],
    [
      "an identifier on an organization",
      [
        rule({
          objectType: "organization",
          targetField: "name",
          source: "idpOrganizationalUnit.organizationalUnitName",
          isMappingIdentifier: true,
        }),
      ],
      ["2:orgIdentifier"],
    ],
    [
      "a department field that DingTalk has not",
      [rule({ objectType: "organization", targetField: "title" })],
      ["2:notDeptField", "2:wrongRoot"],
    ],
  ];
  it.each(cases)("%s", (_name, extra, expected) => {
    expect(keys([...base, ...extra])).toEqual(expected);
  });

  it("accepts the defaults of a new IdP", () => {
    expect(checkRules(defaultMappingRules(), mappingFieldCatalog([]))).toEqual([]);
  });

  it("requires exactly one identifier, and not a disabled one", () => {
    expect(keys([userRule("userid", "idpUser.username"), rule({})])).toEqual(["0:oneIdentifier"]);
    const disabled = userRule("userid", "", { kind: "disabled", isMappingIdentifier: true });
    expect(keys([disabled, rule({})])).toEqual(["0:identifierDisabled"]);
  });

  it("gives the exact range of an expression error as plain data", () => {
    const [problem] = checkRules(
      [...base, rule({ targetField: "title", kind: "expression", source: "Trim(idpUser.emial)" })],
      catalog,
    );
    expect(problem).toMatchObject({ index: 2, field: "source", code: "expression", start: 5, end: 18 });
    // Plain data: it survives the server action boundary and becomes the same error again.
    const copy = JSON.parse(JSON.stringify(problem)) as RuleProblem;
    if (copy.code !== "expression") throw new Error("expected an expression problem");
    expect(problemAsExpressionError(copy)).toMatchObject({ code: "unknown_field", start: 5, end: 18 });
  });
});
