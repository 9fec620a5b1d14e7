import { describe, expect, it } from "vitest";
import {
  compile,
  ExpressionError,
  formatExpressionError,
  hasPath,
  suggestedFix,
  type ExpressionLocale,
} from "@/lib/expression";
import { DOCUMENT_FIELD_ALIASES } from "./aliases";
import { checkRuleSource, mappingFieldCatalog } from "./check";

// The demo directory's custom field, as in the IDaaS document's work_place example.
const catalog = mappingFieldCatalog(["work_place"]);

function refusal(source: string, fields = catalog): ExpressionError {
  try {
    compile(source, { fields });
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`${source} compiled`);
}

describe("the IDaaS documents' example expressions", () => {
  it.each(['SubstringBefore(idpUser.email,"@")', 'Trim("myString")'])("%s compiles as written", (source) => {
    expect(() => compile(source, { fields: catalog })).not.toThrow();
  });

  it.each([
    ["idpUser.title", "idpUser.jobTitle"],
    ["idpUser.work_place", "idpUser.customFields.work_place"],
    ['SubstringBefore(idpUser.userPrincipalName,"@")', 'SubstringBefore(idpUser.username,"@")'],
  ])("%s offers this console's name: %s", (source, corrected) => {
    const error = refusal(source);
    expect(error.params.reason).toBe("unknown_field");
    expect(suggestedFix(source, error.params, error)?.source).toBe(corrected);
    expect(() => compile(corrected, { fields: catalog })).not.toThrow();
  });

  it.each<[ExpressionLocale, string]>([
    ["en", 'Unknown field "idpUser.title" - did you mean "idpUser.jobTitle"?'],
    ["zh-CN", '未知字段 "idpUser.title"，是否应为 "idpUser.jobTitle"？'],
    ["ja", '不明なフィールド "idpUser.title" です（"idpUser.jobTitle" のことですか？）'],
  ])("names the suggestion in the error, in %s", (locale, text) => {
    expect(formatExpressionError(refusal("idpUser.title"), locale)).toBe(text);
  });

  it("without the custom field, work_place suggests nothing", () => {
    expect(refusal("idpUser.work_place", mappingFieldCatalog([])).params).toEqual({
      reason: "unknown_field",
      path: "idpUser.work_place",
      suggestion: undefined,
    });
  });

  it("the department owner has no field to read: an unknown field with no suggestion", () => {
    expect(refusal("idpOrganizationalUnit.org_dept_owner").params).toEqual({
      reason: "unknown_field",
      path: "idpOrganizationalUnit.org_dept_owner",
      suggestion: undefined,
    });
  });
});

describe("DOCUMENT_FIELD_ALIASES", () => {
  it.each(Object.entries(DOCUMENT_FIELD_ALIASES))("%s -> %s: an unknown name to a known path", (alias, target) => {
    expect(hasPath(catalog, alias)).toBe(false);
    expect(hasPath(catalog, target)).toBe(true);
    expect(refusal(alias).params).toMatchObject({ reason: "unknown_field", suggestion: target });
  });
});

describe("checkRuleSource", () => {
  it("gives an error's range in the source as typed, leading spaces included", () => {
    const source = "  Trim(idpUser.title)";
    const check = checkRuleSource({ kind: "expression", source, objectType: "user" }, catalog);
    expect(check.problem).toMatchObject({ code: "expression", start: 7, end: 20 });
    expect(source.slice(7, 20)).toBe("idpUser.title");
  });
});
