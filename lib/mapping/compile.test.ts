import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldCatalog } from "@/lib/expression";
import { checkRules, mappingFieldCatalog } from "./check";
import { compileRules, MappingRulesError } from "./compile";
import { DINGTALK_DEPT_FIELDS, DINGTALK_USER_FIELDS } from "./fields";
import { defaultMappingRules, MAPPING_KINDS, REQUIRED_USER_DEFAULTS, userRule, type MappingRule } from "./rule";

const catalog: FieldCatalog = mappingFieldCatalog(["work_place", "部署"]);

// Sources a person types: field paths written every way the parser accepts, expressions, near misses and junk.
const pathText = fc
  .tuple(
    fc.constantFrom("idpUser", "idpOrganizationalUnit", "idpUsr"),
    fc.array(
      fc.constantFrom("email", "displayName", "customFields", "work_place", "部署", "organizationalUnitName", "x"),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    fc.constantFrom(".", " . ", ". ", " .", "\t.\n"),
    fc.constantFrom("", " ", "  "),
  )
  .map(([root, segments, dot, pad]) => pad + [root, ...segments].join(dot) + pad);
const source = fc.oneof(
  pathText,
  pathText.map((p) => `Trim(${p})`),
  pathText.map((p) => `SubstringBefore(${p}, "@")`),
  pathText.map((p) => `Coalesce(${p}, "none")`),
  pathText.map((p) => `Append(${p}, "-", ${p})`),
  pathText.map((p) => `${p} == null`),
  fc.constantFrom("", " ", "((", '"literal"', "42", "null", "true", "Trim(", "Lower()", "idpUser.", ".email"),
  fc.string({ maxLength: 12 }),
);
const rule: fc.Arbitrary<MappingRule> = fc.record({
  objectType: fc.constantFrom("user" as const, "organization" as const),
  targetField: fc.constantFrom(...DINGTALK_USER_FIELDS, ...DINGTALK_DEPT_FIELDS, "nickname"),
  targetDisplayName: fc.constantFrom(null, "", "Office", "勤務地"),
  kind: fc.constantFrom(...MAPPING_KINDS),
  source,
  isMappingIdentifier: fc.boolean(),
  isCustom: fc.boolean(),
});
// Rule sets near the valid ones: the defaults with some rules replaced or added.
const ruleSet = fc.oneof(
  fc.array(rule, { minLength: 1, maxLength: 8 }),
  fc
    .tuple(fc.array(rule, { maxLength: 3 }), fc.array(fc.nat(6), { maxLength: 3 }))
    .map(([extra, drop]) => [...defaultMappingRules().filter((_, i) => !drop.includes(i) || i === 0), ...extra]),
  fc
    .tuple(fc.nat(5), source, fc.constantFrom(...MAPPING_KINDS))
    .map(([i, src, kind]) => defaultMappingRules().map((r, j) => (j === i + 1 ? { ...r, source: src, kind } : r))),
);

describe("compileRules", () => {
  it("compiles every rule set that check accepts, and refuses the others with check's problems", () => {
    let accepted = 0;
    fc.assert(
      fc.property(ruleSet, (rules) => {
        const problems = checkRules(rules, catalog);
        if (problems.length === 0) {
          accepted++;
          const compiled = compileRules(rules, catalog);
          const enabled = rules.filter((r) => r.kind !== "disabled");
          for (const r of enabled) {
            const list = r.objectType === "user" ? compiled.user : compiled.organization;
            expect(list.some((c) => c.targetField === r.targetField)).toBe(true);
          }
        } else {
          expect(() => compileRules(rules, catalog)).toThrow(MappingRulesError);
          try {
            compileRules(rules, catalog);
          } catch (err) {
            expect((err as MappingRulesError).problems).toEqual(problems);
          }
        }
      }),
      { numRuns: 2000 },
    );
    // The generator reaches both sides of the property.
    expect(accepted).toBeGreaterThan(100);
  });

  it("compiles a field path written with spaces around the dot, and reads the field", () => {
    const rules = [...defaultMappingRules(), userRule("work_place", "idpUser . customFields . work_place")];
    rules[3] = { ...rules[3], source: "idpUser . email" };
    const compiled = compileRules(rules, catalog);
    const email = compiled.user.find((r) => r.targetField === "email")!;
    expect(email.expression.evaluate({ idpUser: { email: "li.na@example.com" } })).toBe("li.na@example.com");
    const place = compiled.user.find((r) => r.targetField === "work_place")!;
    expect(place.expression.evaluate({ idpUser: { customFields: { work_place: "Hangzhou" } } })).toBe("Hangzhou");
  });

  it("fills DingTalk's required fields from the defaults when no rule maps them", () => {
    const rules = defaultMappingRules().map((r) =>
      r.targetField === "userid" ? { ...r, kind: "disabled" as const, isMappingIdentifier: false } : r,
    );
    rules[2] = { ...rules[2], isMappingIdentifier: true };
    const compiled = compileRules(rules, catalog);
    expect(compiled.identifierField).toBe("mobile");
    const userid = compiled.user.find((r) => r.targetField === "userid")!;
    expect(userid.expression.source).toBe(REQUIRED_USER_DEFAULTS.userid);
  });

  it("refuses a custom field the console does not have", () => {
    const rules = [...defaultMappingRules(), userRule("work_place", "idpUser.customFields.floor")];
    expect(() => compileRules(rules, catalog)).toThrow(MappingRulesError);
    expect(() => compileRules(rules, mappingFieldCatalog(["floor"]))).not.toThrow();
  });
});
