import { describe, expect, it } from "vitest";
import enBase from "./messages/en.json";
import enIdp from "./messages/idp/en.json";
import jaIdp from "./messages/idp/ja.json";
import zhCNIdp from "./messages/idp/zh-CN.json";
import enPortal from "./messages/portal/en.json";
import jaPortal from "./messages/portal/ja.json";
import zhCNPortal from "./messages/portal/zh-CN.json";
import jaBase from "./messages/ja.json";
import zhCNBase from "./messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

// The catalogue files of a locale are merged by namespace at runtime; a namespace must live in one only.
const en: Tree = { ...enBase, ...enIdp, ...enPortal };
const zhCN: Tree = { ...zhCNBase, ...zhCNIdp, ...zhCNPortal };
const ja: Tree = { ...jaBase, ...jaIdp, ...jaPortal };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function placeholders(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) {
      if (typeof v === "string")
        out.set(
          prefix + k,
          [...v.matchAll(/\{\s*(\w+)\s*[,}]/g)]
            .map((m) => m[1])
            .sort()
            .join(","),
        );
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(tree, "");
  return out;
}

describe("message catalogues", () => {
  it("keeps each namespace in one file", () => {
    const files = [enBase, enIdp, enPortal].map((file) => Object.keys(file));
    const all = files.flat();
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });

  it.each([
    ["zh-CN", [zhCNBase, zhCNIdp, zhCNPortal]],
    ["ja", [jaBase, jaIdp, jaPortal]],
  ] as const)("%s splits its namespaces across files as English does", (_name, files) => {
    expect(files.map((file) => Object.keys(file).sort())).toEqual(
      [enBase, enIdp, enPortal].map((file) => Object.keys(file).sort()),
    );
  });

  const english = keys(en).sort();
  it.each([
    ["zh-CN", zhCN],
    ["ja", ja],
  ] as const)("%s has exactly the English keys", (_name, catalogue) => {
    expect(keys(catalogue as Tree).sort()).toEqual(english);
  });

  it.each([
    ["zh-CN", zhCN],
    ["ja", ja],
  ] as const)("%s uses the same placeholders as English", (_name, catalogue) => {
    const base = placeholders(en);
    for (const [key, names] of placeholders(catalogue as Tree)) expect([key, names]).toEqual([key, base.get(key)]);
  });

  it.each([
    ["zh-CN", zhCN],
    ["ja", ja],
  ] as const)("%s is translated, not copied", (_name, catalogue) => {
    const base = placeholders(en);
    const flat = new Map(keys(catalogue as Tree).map((k) => [k, k]));
    expect(flat.size).toBe(base.size);
    const same = keys(en).filter((k) => get(en, k) === get(catalogue as Tree, k) && /[a-z]{4,}/i.test(get(en, k)));
    // Product names and codes may stay as they are; prose may not.
    expect(same.filter((k) => !k.startsWith("brand.") && !k.endsWith("Code"))).toEqual([]);
  });
});

function get(tree: Tree, key: string): string {
  return key.split(".").reduce<string | Tree>((t, k) => (t as Tree)[k], tree) as string;
}
