import { arrayFunctions } from "./arrays";
import { caseFunctions } from "./case";
import { jsonFunctions } from "./json";
import { logicFunctions } from "./logic";
import { textFunctions } from "./text";
import { timeFunctions } from "./time";
import type { ExpressionLocale, FunctionDef } from "./types";

/** The families the reference lists functions under, in the order it shows them. */
export const functionGroups = ["text", "case", "logic", "arrays", "json", "time"] as const;
export type FunctionGroup = (typeof functionGroups)[number];

const byGroup: Record<FunctionGroup, readonly FunctionDef[]> = {
  text: textFunctions,
  case: caseFunctions,
  logic: logicFunctions,
  arrays: arrayFunctions,
  json: jsonFunctions,
  time: timeFunctions,
};

/** The function registry: a Map, so a name like "constructor" finds nothing. */
export const functions: ReadonlyMap<string, FunctionDef> = new Map(
  [...arrayFunctions, ...logicFunctions, ...textFunctions, ...caseFunctions, ...jsonFunctions, ...timeFunctions].map(
    (def) => [def.name, def],
  ),
);

/** What the UI needs for autocomplete and help. */
export type FunctionInfo = {
  name: string;
  /** parameter names; a leading "..." marks a repeatable one */
  params: readonly string[];
  /** e.g. `Mid(s, start, length)` */
  signature: string;
  minArgs: number;
  /** null when the function takes any number of arguments */
  maxArgs: number | null;
  /** one line of help per language, shown by completion and the reference */
  description: { readonly [L in ExpressionLocale]: string };
  example: string;
  group: FunctionGroup;
};

/** Every function, group by group in the reference's order. */
export const functionCatalog: readonly FunctionInfo[] = functionGroups.flatMap((group) =>
  byGroup[group].map((def) => info(def, group)),
);

function info(def: FunctionDef, group: FunctionGroup): FunctionInfo {
  return {
    name: def.name,
    params: def.params,
    signature: `${def.name}(${def.params.join(", ")})`,
    minArgs: def.min,
    maxArgs: def.max === Infinity ? null : def.max,
    description: def.description,
    example: def.example,
    group,
  };
}
