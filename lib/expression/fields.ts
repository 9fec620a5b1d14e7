import type { PathNode } from "./ast";
import { fail } from "./errors";
import { nearest } from "./suggest";

/** A nested object of field names; `true` marks a leaf, e.g. `{ email: true, customFields: { work_place: true } }`. */
export type FieldTree = { readonly [field: string]: true | FieldTree };

/** The fields a mapping may read, per variable. A variable left out is not available. */
export type FieldCatalog = { idpUser?: FieldTree; idpOrganizationalUnit?: FieldTree };

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
  const walked: string[] = [root];
  if (tree === undefined) fail({ reason: "unknown_field", path: pathText(node) }, node);
  node.segments.forEach((segment, i) => {
    const known: FieldTree | undefined = tree === true ? undefined : tree;
    if (known === undefined || !hasOwn.call(known, segment)) {
      // Suggest the whole corrected path: the typo fixed, the rest kept as typed.
      const close = known && nearest(segment, Object.keys(known));
      const suggestion = close === undefined ? undefined : [...walked, close, ...node.segments.slice(i + 1)].join(".");
      fail({ reason: "unknown_field", path: pathText(node), suggestion }, node);
    }
    tree = known[segment];
    walked.push(segment);
  });
}

export function pathText(node: PathNode): string {
  let text = node.root;
  for (let i = 0; i < node.segments.length; i++) text += "." + node.segments[i];
  return text;
}
