import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { limits } from "./limits";
import { parse } from "./parser";
import { caught, pointedAt } from "./testing";
import { attack, heavyAccount, heavyUnit, legitimate, workOf, worstCases } from "./workloads";

const heavy = { idpUser: heavyAccount(), idpOrganizationalUnit: heavyUnit };

/** The `work` limit error evaluating `source` throws, checked to point at exactly one node of it. */
function exhausted(source: string, scope: object = {}) {
  const error = caught(() => compile(source).evaluate(scope));
  expect(error.code).toBe("limit");
  expect(error.params).toEqual({ reason: "limit", limit: "work", max: limits.work });
  expect(() => parse(pointedAt(source, error))).not.toThrow();
  return error;
}

describe("work budget", () => {
  // The budget is meant to be at least 100 times what any real mapping spends.
  it.each(legitimate)("a legitimate mapping spends under a hundredth of the budget: %s", (source) => {
    expect(workOf(source, heavy)).toBeLessThanOrEqual(limits.work / 100);
  });

  it("gives each evaluation the whole budget again", () => {
    const source = "ArrayMap(idpUser.organizationalUnits, PCase(__item.organizationalUnitName))";
    const compiled = compile(source);
    for (let i = 0; i < 200; i++) expect(compiled.evaluate(heavy)).toHaveLength(100);
  });

  it("stops issue 14's expression at the Replace chain the inner ArrayMap repeats", () => {
    const source = attack({ op: "PCase(__item)", unit: "a ".repeat(10) });
    expect(source.length).toBeLessThanOrEqual(limits.sourceLength);
    const pointed = pointedAt(source, exhausted(source));
    expect(pointed).toMatch(/^Replace\(/);
    expect(source).toContain(`,${pointed}`);
  });

  it.each(worstCases)("stops the worst case $name with a work limit error at one node", ({ source }) => {
    exhausted(source, heavy);
  });

  it.each(["PCase(__item)", "NormalizeDiacritics(__item)", "FormatDateTime(0,__item)", "StripSpaces(__item)"])(
    "charges %s on long text at the call itself",
    (op) => {
      const source = attack({ op, unit: "a ".repeat(10), strings: 1 });
      expect(pointedAt(source, exhausted(source))).toBe(op);
    },
  );
});

describe("nested ArrayMap chains", () => {
  const items = (n: number) => ({ idpUser: { items: Array.from({ length: n }, (_, i) => `item ${i}`) } });
  // 449 nodes of cheap work per element: only the nodes charged per element can stop it.
  const wide = Array.from({ length: 150 }, () => "IsNull(__item)").join(" || ");

  it.each([
    // name, source, elements per array, where the innermost ArrayMap starts, the parentheses after it
    ["two deep, 99 x 99 elements", `ArrayMap(idpUser.items, ArrayMap(idpUser.items, ${wide}))`, 99, 24, 1],
    [
      "three deep, 21 x 21 x 21",
      `ArrayMap(idpUser.items, ArrayMap(idpUser.items, ArrayMap(idpUser.items, ${wide})))`,
      21,
      48,
      2,
    ],
  ])("%s: refused at the innermost ArrayMap before it maps", (_name, source, n, start, after) => {
    const error = exhausted(source, items(n));
    expect({ start: error.start, end: error.end }).toEqual({ start, end: source.length - after });
    expect(pointedAt(source, error)).toMatch(/^ArrayMap\(idpUser\.items, IsNull\(/);
  });

  it("maps a real chain over every unit within the budget", () => {
    const source =
      'ArrayMap(idpUser.organizationalUnits, ArrayMap(Split(__item.organizationalUnitName, " "), PCase(__item)))';
    expect(compile(source).evaluate(heavy)).toHaveLength(100);
  });
});

describe("Replace chains", () => {
  const chain = 'Replace(Replace(Replace("aaaaa","a","aaaaaaaaaa"),"a","aaaaaaaaaa"),"a","a a a a a a a a a a ")';

  it("builds one 10,000-character chain well within the budget", () => {
    expect(compile(chain).evaluate({})).toHaveLength(10_000);
    expect(workOf(chain, {})).toBeLessThan(limits.work / 100);
  });

  it("refuses the chain repeated by an ArrayMap at the Replace that runs out", () => {
    const source = `ArrayMap(Split("${"a".repeat(999)}",""),${chain})`;
    const pointed = pointedAt(source, exhausted(source));
    expect(pointed).toMatch(/^Replace\(/);
    expect(chain).toContain(pointed);
  });

  it("refuses one more level (50,000 characters) by length before building it", () => {
    const source = `Replace(${chain},"a","aaaaaaaaaa")`;
    const error = caught(() => compile(source).evaluate({}));
    expect(error.params).toMatchObject({ limit: "stringLength" });
    expect({ start: error.start, end: error.end }).toEqual({ start: 0, end: source.length });
  });

  it("refuses a Replace over 5 million characters of data before splitting it", () => {
    const source = 'Replace(idpUser.s, "a", "b")';
    const error = exhausted(source, { idpUser: { s: "a".repeat(5_000_000) } });
    expect({ start: error.start, end: error.end }).toEqual({ start: 0, end: source.length });
  });
});

// What each kind of work costs at least (budget.ts): characters read and produced, loop steps, nodes.
describe("what is charged", () => {
  const s = "abc ".repeat(250);
  const scope = { idpUser: { s, t: s.toUpperCase().toLowerCase(), items: Array.from({ length: 100 }, () => "x") } };

  it.each([
    ["ToLower(idpUser.s)", 2 * 1000],
    ["PCase(idpUser.s)", 9 * 1000],
    ["NormalizeDiacritics(idpUser.s)", 9 * 1000],
    ["FormatDateTime(0, idpUser.s)", 9 * 1000],
    ['Split(idpUser.s, " ")', 1000 + 8 * 251],
    ['Replace(idpUser.s, " ", "--")', 1000 + 8 * 250 + 1250],
    ['ArrayJoin(idpUser.items, ", ")', 100 * 8 + 298],
    ['Append(idpUser.s, "!")', 1001],
    ["ArrayMap(idpUser.items, Append(__item, __item))", 100 * (8 + 2 * 3)],
    ["idpUser.s == idpUser.t", 1000],
    ["idpUser.s < idpUser.t", 1000],
    ["IIF(true, idpUser.s, null)", 1000],
    ['Switch("k", null, "k", idpUser.s)', 1000],
    ["Coalesce(null, idpUser.s)", 1000],
    ["ObjectToJsonString(idpUser.items)", 100 * (8 + 3) + 401],
  ])("%s costs at least %i units", (source, units) => {
    expect(workOf(source, scope)).toBeGreaterThanOrEqual(units);
  });

  it("charges nothing beyond its nodes for a plain field", () => {
    expect(workOf("idpUser.s", scope)).toBe(2);
  });
});
