import type { PathNode } from "./ast";
import { fail } from "./errors";
import { nearest } from "./suggest";

/** A nested object of field names; `true` marks a leaf, e.g. `{ email: true, customFields: { work_place: true } }`. */
export type FieldTree = { readonly [field: string]: true | FieldTree };

/** The fields a mapping may read, per variable. A variable left out is not available. */
export type FieldCatalog = {
  idpUser?: FieldTree;
  idpOrganizationalUnit?: FieldTree;
  /**
   * Paths other documents spell differently, each with this catalogue's path, e.g.
   * `{ "idpUser.title": "idpUser.jobTitle" }`: only ever suggested, never accepted.
   */
  aliases?: Readonly<Record<string, string>>;
};

export const roots = ["idpUser", "idpOrganizationalUnit"] as const;
export type Root = (typeof roots)[number];

const hasOwn = Object.prototype.hasOwnProperty;

/** The variables of outbound sync (EXPRESSIONS.md); the app adds its custom fields under customFields. */
export const standardFields = {
  idpUser: leaves(
    "userId username displayName email phoneNumber phoneRegion employeeNumber jobTitle userExternalId status " +
      "description primaryOrganizationalUnitId organizationalUnits createTime updateTime",
    { customFields: {} },
  ),
  idpOrganizationalUnit: leaves(
    "organizationalUnitId organizationalUnitName organizationalUnitExternalId parentId description createTime updateTime",
  ),
} satisfies FieldCatalog;

function leaves(names: string, extra: Record<string, FieldTree> = {}): FieldTree {
  return { ...Object.fromEntries(names.split(" ").map((name) => [name, true as const])), ...extra };
}

/** Throws `unknown_field` at the path's range unless the catalogue lists the path. */
export function checkField(catalog: FieldCatalog, root: Root, node: PathNode): void {
  let tree: true | FieldTree | undefined = hasOwn.call(catalog, root) ? catalog[root] : undefined;
  if (tree === undefined) fail({ reason: "unknown_field", path: pathText(node) }, node);
  node.segments.forEach((segment, i) => {
    const known: FieldTree | undefined = tree === true ? undefined : tree;
    if (known === undefined || !hasOwn.call(known, segment)) {
      const suggestion =
        known && suggestField(catalog, known, [root, ...node.segments.slice(0, i)], node.segments.slice(i));
      fail({ reason: "unknown_field", path: pathText(node), suggestion }, node);
    }
    tree = known[segment];
  });
}

/**
 * The path a person most likely meant when `[...walked, ...rest]` is unknown at rest[0]
 * (rest kept as typed after the corrected part): a custom field of that exact name
 * (`idpUser.work_place` -> `idpUser.customFields.work_place`), the catalogue's alias
 * (`idpUser.title` -> `idpUser.jobTitle`), a near name at this level, a near custom field.
 */
function suggestField(catalog: FieldCatalog, known: FieldTree, walked: string[], rest: string[]): string | undefined {
  const [segment, ...after] = rest;
  const join = (...parts: string[]) => [...walked, ...parts, ...after].join(".");
  const custom = hasOwn.call(known, "customFields") && known.customFields !== true ? known.customFields : undefined;
  const customNames = custom ? Object.keys(custom) : [];
  if (customNames.includes(segment)) return join("customFields", segment);
  const alias = aliasOf(catalog, [...walked, segment].join("."));
  if (alias !== undefined) return [alias, ...after].join(".");
  const close = nearest(segment, Object.keys(known));
  if (close !== undefined) return join(close);
  const closeCustom = nearest(segment, customNames);
  return closeCustom === undefined ? undefined : join("customFields", closeCustom);
}

/** The catalogue's alias of a path (case-insensitive), if it names a path the catalogue has. */
function aliasOf(catalog: FieldCatalog, path: string): string | undefined {
  const aliases = catalog.aliases;
  if (aliases === undefined) return undefined;
  const lower = path.toLowerCase();
  const key = Object.keys(aliases).find((k) => k.toLowerCase() === lower);
  const target = key === undefined ? undefined : aliases[key];
  return target !== undefined && hasPath(catalog, target) ? target : undefined;
}

/** Whether the catalogue lists a dotted path (a root, a field, or a group of fields). */
export function hasPath(catalog: FieldCatalog, path: string): boolean {
  const [root, ...segments] = path.split(".");
  if (!(roots as readonly string[]).includes(root) || !hasOwn.call(catalog, root)) return false;
  let tree: true | FieldTree | undefined = catalog[root as Root];
  for (const segment of segments) {
    if (tree === undefined || tree === true || !hasOwn.call(tree, segment)) return false;
    tree = tree[segment];
  }
  return tree !== undefined;
}

export function pathText(node: PathNode): string {
  let text = node.root;
  for (let i = 0; i < node.segments.length; i++) text += "." + node.segments[i];
  return text;
}
