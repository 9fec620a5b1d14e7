import { describe, expect, it } from "vitest";
import { ExpressionError } from "@/lib/expression";
import { mappingFieldCatalog, validateMappingRules, type TMappingRule } from "./mapping";

const catalog = mappingFieldCatalog(["work_place"]);
const rule = (overrides: Partial<TMappingRule>): TMappingRule => ({
  objectType: "user", targetField: "name", targetDisplayName: "Name", kind: "field", source: "idpUser.displayName", isMappingIdentifier: false, isCustom: false, ...overrides,
});
const base = [rule({ targetField: "userid", targetDisplayName: "userid", source: "idpUser.username", isMappingIdentifier: true }), rule({})];
const keys = (rules: TMappingRule[]) => validateMappingRules(rules, catalog).map((p) => ("expression" in p ? `${p.index}:${p.expression.code}` : `${p.index}:${p.key}`));

describe("validateMappingRules", () => {
  const cases: [string, TMappingRule[], string[]][] = [
    ["the defaults", [], []],
    ["a custom field path", [rule({ targetField: "work_place", source: "idpUser.customFields.work_place" })], []],
    ["an expression", [rule({ targetField: "email", kind: "expression", source: 'SubstringBefore(idpUser.email,"@")' })], []],
    ["a disabled rule with junk", [rule({ targetField: "title", kind: "disabled", source: "((" })], []],
    ["a field that is not DingTalk's", [rule({ targetField: "nickname" })], ["2:mappingErrors.notUserField"]],
    ["a field used twice", [rule({})], ["2:mappingErrors.fieldUsed"]],
    ["an expression in a field rule", [rule({ targetField: "title", source: "Trim(idpUser.jobTitle)" })], ["2:mappingErrors.notAField"]],
    ["an organization field in a user rule", [rule({ targetField: "title", source: "idpOrganizationalUnit.organizationalUnitName" })], ["2:mappingErrors.wrongRoot"]],
    ["an empty expression", [rule({ targetField: "title", kind: "expression", source: " " })], ["2:mappingErrors.required"]],
    ["a syntax error", [rule({ targetField: "title", kind: "expression", source: 'SubstringBefore(idpUser.email,"@"' })], ["2:syntax"]],
    ["an unknown field", [rule({ targetField: "title", kind: "expression", source: "idpUser.emial" })], ["2:unknown_field"]],
    ["an identifier on an organization", [rule({ objectType: "organization", targetField: "name", source: "idpOrganizationalUnit.organizationalUnitName", isMappingIdentifier: true })], ["2:mappingErrors.orgIdentifier"]],
  ];
  it.each(cases)("%s", (_name, extra, expected) => {
    expect(keys([...base, ...extra])).toEqual(expected);
  });

  it("requires exactly one identifier", () => {
    expect(keys([rule({ targetField: "userid", source: "idpUser.username" }), rule({})])).toEqual(["0:mappingErrors.oneIdentifier"]);
  });

  it("gives the exact range of an expression error", () => {
    const [problem] = validateMappingRules([...base, rule({ targetField: "title", kind: "expression", source: "Trim(idpUser.emial)" })], catalog);
    expect("expression" in problem && problem.expression).toBeInstanceOf(ExpressionError);
    if ("expression" in problem) expect([problem.expression.start, problem.expression.end]).toEqual([5, 18]);
  });
});
