// What the work budget (limits.work) is measured against, shared by budget.test.ts
// and bench.ts; not exported from index.ts.
import { contextFor, startingBudget, type Scope } from "./compile";
import { toEvaluator } from "./evaluator";
import { functionCatalog } from "./functions";
import { limits } from "./limits";
import { parse } from "./parser";

/** Work units one evaluation of `source` spends against `scope` (throws what evaluation throws). */
export function workOf(source: string, scope: Scope): number {
  const state = { catalog: undefined, paths: [], lambdas: 0, nodes: 0 };
  const run = toEvaluator(parse(source), state);
  const ctx = contextFor(scope, startingBudget(state.nodes));
  run(ctx);
  return limits.work - ctx.budget;
}

/** An account at the heavy end of real data: a long title, 50 custom fields, 100 organizational units. */
export function heavyAccount() {
  return {
    userId: "u-0123456789abcdef",
    username: "zhang.san.0042",
    displayName: "Zhāng Sān-Fēng de la Cruz Müller 张三丰",
    email: "zhang.san-feng.de.la.cruz.mueller@corp.example.com",
    phoneNumber: "138-0013-8000",
    phoneRegion: "86",
    employeeNumber: "E00004242",
    jobTitle: "senior principal staff engineer, platform reliability and developer productivity (APAC) ".repeat(2),
    userExternalId: "ext-0123456789abcdef0123456789abcdef",
    status: "enabled",
    description: "Leads the on-call rotation; speaks 中文, 日本語 and English. ".repeat(8),
    primaryOrganizationalUnitId: "ou-000",
    organizationalUnits: Array.from({ length: 100 }, (_, i) => ({
      organizationalUnitId: `ou-${String(i).padStart(3, "0")}`,
      organizationalUnitName: `${["研发中心", "Sales EMEA", "営業第二部", "Platform"][i % 4]} ${i}`,
    })),
    createTime: 1_700_000_000_000,
    updateTime: 1_760_000_000_000,
    customFields: Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`field_${i}`, `value of custom field number ${i}, somewhat long`]),
    ),
  };
}

export const heavyUnit = {
  organizationalUnitId: "ou-042",
  organizationalUnitName: "Platform Reliability Engineering (APAC)",
  organizationalUnitExternalId: "ext-ou-042",
  parentId: "ou-001",
  description: "Runs the shared platform. ".repeat(10),
  createTime: 1_700_000_000_000,
  updateTime: 1_760_000_000_000,
};

/**
 * Legitimate mappings: EXPRESSIONS.md's and every function's example, the seed
 * documents' examples, the benchmark's, and the heaviest real ones we could think
 * of (whole objects as JSON, every unit mapped and joined, long text reshaped).
 */
export const legitimate: readonly string[] = [
  ...functionCatalog.map((f) => f.example),
  'SubstringBefore(idpUser.email,"@")',
  'SubstringBefore(idpUser.userPrincipalName,"@")',
  'Trim("myString")',
  "idpUser.work_place",
  "idpOrganizationalUnit.org_dept_owner",
  'Coalesce(idpUser.customFields.work_place, "HQ")',
  'IIF(idpUser.status == "enabled", Append(idpUser.displayName, " (", idpUser.employeeNumber, ")"), null)',
  'Join(ArrayMap(idpUser.organizationalUnits, __item.organizationalUnitName), "/")',
  "ObjectToJsonString(idpUser.customFields)",
  "ObjectToJsonString(idpUser.organizationalUnits)",
  "ObjectToJsonString(idpOrganizationalUnit)",
  "ArrayJoin(ArrayMap(idpUser.organizationalUnits, " +
    'PCase(NormalizeDiacritics(Trim(__item.organizationalUnitName)))), ", ")',
  "Join(ArrayMap(idpUser.organizationalUnits, " +
    'Append(__item.organizationalUnitId, ":", __item.organizationalUnitName)), ";")',
  "ArrayMap(idpUser.organizationalUnits, IIF(__item.organizationalUnitId == idpUser.primaryOrganizationalUnitId, " +
    "ToUpper(__item.organizationalUnitName), ToLower(__item.organizationalUnitName)))",
  'Join(ArrayMap(Split(idpUser.description, " "), PCase(NormalizeDiacritics(__item))), " ")',
  "PCase(NormalizeDiacritics(StripSpaces(Trim(idpUser.jobTitle))))",
  'Left(Replace(Replace(Replace(idpUser.jobTitle, ",", ""), "(", ""), ")", ""), 64)',
  'Append(FormatDateTime(idpUser.createTime, "yyyy-MM-dd HH:mm:ss"), " / ", ' +
    'FormatDateTime(idpUser.updateTime, "yyyy"))',
  'Switch(idpUser.customFields.field_7, "other", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6")',
  "Join(idpUser.customFields.field_1, idpUser.customFields.field_2, " +
    'idpUser.customFields.field_3, idpUser.jobTitle, " | ")',
  'IIF(Length(idpUser.description) > 100, Append(Left(idpUser.description, 97), "..."), idpUser.description)',
  'Mid(Replace(idpUser.phoneNumber, "-", ""), 4, 4)',
  'ToLower(Append(SubstringBefore(idpUser.email, "@"), ".", Right(idpUser.employeeNumber, 4)))',
];

/** A worst case the budget must stop: the shape of issue 14 item 1, filled up to the node and length limits. */
export type Attack = {
  /** applied to each 10,000-unit string in the innermost map, e.g. "PCase(__item)" */
  op: string;
  /** what each "a" of a 500-character string becomes; 20 units long, so each string is 10,000 units */
  unit: string;
  /** how many of those strings each outer element builds (999 in the issue's shape, 1 to spend most on `op`) */
  strings?: number;
};

/**
 * `ArrayMap(Split("aaaaa",""), ArrayMap(ArrayMap(Split(<strings a>,""), <Replace chain>), Switch(1,0,op,0,op,0,...)))`:
 * 5 x `strings` Switches over a 10,000-unit string, with as many `op` keys as the limits allow; every
 * key is evaluated because none equals 1. Within the iterations limit: 5 + 5 x 999 x 2 <= 10,000.
 */
export function attack({ op, unit, strings = 999 }: Attack): string {
  const chain = `Replace(Replace(Replace("aaaaa","a","aaaaaaaaaa"),"a","aaaaaaaaaa"),"a",${JSON.stringify(unit)})`;
  const inner = `ArrayMap(Split("${"a".repeat(strings)}",""),${chain})`;
  const build = (pairs: number) =>
    `ArrayMap(Split("aaaaa",""),ArrayMap(${inner},Switch(1,0${`,${op},0`.repeat(pairs)})))`;
  // The most pairs that still parse: the parser enforces the node, depth and length limits.
  for (let pairs = limits.nodes / 2; pairs > 0; pairs--) {
    const source = build(pairs);
    if (parses(source)) return source;
  }
  throw new Error(`no attack fits the limits with ${op}`);
}

/** ArrayMap over 999 x 9 elements with `body` as the inner expression: operators alone, no function work. */
export function operatorLoop(body: string): string {
  const chars = 'Left(Replace(Replace(Replace("aaaaa","a","aaaaaaaaaa"),"a","aaaaaaaaaa"),"a","aa"),999)';
  return `ArrayMap(Split(${chars},""),ArrayMap(Split("aaaaaaaaa",""),${body}))`;
}

const spaced = "a ".repeat(10);
const emoji = "😀".repeat(10);
const repeat = (n: number, s: string, separator: string) => Array.from({ length: n }, () => s).join(separator);

/**
 * The costliest expressions we could build, one per kind of work: each function on
 * 10,000-unit strings as often as the limits allow, and loops of operators only.
 */
export const worstCases: readonly { name: string; source: string }[] = [
  { name: "issue 14 (PCase)", source: attack({ op: "PCase(__item)", unit: spaced }) },
  ...(
    [
      ["PCase(__item)", spaced],
      ["NormalizeDiacritics(__item)", "é".repeat(20)],
      ["StripSpaces(__item)", spaced],
      ["FormatDateTime(0,__item)", "x".repeat(20)],
      ["Left(__item,9999)", emoji],
      ["Right(__item,3)", emoji],
      ["Length(__item)", emoji],
      ['ArrayJoin(Split(__item,""),"")', spaced],
      ['Join(Split(__item,""),"")', spaced],
      ['Replace(__item,"a","b")', spaced],
      ['Split(__item,"")', spaced],
    ] as const
  ).map(([op, unit]) => ({ name: op, source: attack({ op, unit, strings: 1 }) })),
  { name: "== loop", source: operatorLoop(repeat(120, "__item==__item", "&&")) },
  { name: "! loop", source: operatorLoop(repeat(15, `${"!".repeat(28)}true`, "&&")) },
  { name: "&& loop", source: operatorLoop(repeat(230, "true", "&&")) },
];

function parses(source: string): boolean {
  try {
    parse(source);
    return true;
  } catch {
    return false;
  }
}
