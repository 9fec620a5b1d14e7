import { readDiff } from "@/lib/sync/run";
import { DEPARTMENT_FIELDS, type DepartmentLabel, type RunRecord } from "@/lib/views/runs";
import type { Db } from "../prisma-client";

/** The references a run's diffs name: `ou:<id>` for a department the run creates, else a DingTalk dept_id. */
function referencedKeys(records: Pick<RunRecord, "diff">[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records)
    for (const d of readDiff(r.diff))
      if (DEPARTMENT_FIELDS.includes(d.field))
        for (const value of [d.before, d.after]) for (const key of value?.split(",") ?? []) if (key) keys.add(key);
  return keys;
}

/** Each OU's names from its topmost ancestor down, reading parents level by level. */
async function ouPaths(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const ous = new Map<string, { name: string; parentId: string | null }>();
  for (let wanted = ids; wanted.length > 0;) {
    const rows = await db.organizationalUnit.findMany({
      where: { id: { in: wanted } },
      select: { id: true, name: true, parentId: true },
    });
    for (const row of rows) ous.set(row.id, row);
    wanted = [...new Set(rows.flatMap((r) => (r.parentId && !ous.has(r.parentId) ? [r.parentId] : [])))];
  }
  const paths = new Map<string, string[]>();
  for (const id of ids) {
    const path: string[] = [];
    for (let at = ous.get(id), seen = 0; at && seen < 100; at = at.parentId ? ous.get(at.parentId) : undefined, seen++)
      path.unshift(at.name);
    if (path.length > 0) paths.set(id, path);
  }
  return paths;
}

/**
 * Names and paths for the department references in these records, so a page never shows an
 * internal id: an OU by its path in the directory, a bound DingTalk department by its OU's path,
 * the target node as such; any other DingTalk department by its dept_id.
 */
export async function departmentLabels(
  db: Db,
  idp: { id: string; targetDeptId: number },
  records: Pick<RunRecord, "diff">[],
): Promise<Record<string, DepartmentLabel>> {
  const keys = [...referencedKeys(records)].slice(0, 500);
  if (keys.length === 0) return {};
  const deptIds = keys.filter((k) => !k.startsWith("ou:"));
  const bindings = await db.binding.findMany({
    where: { idpId: idp.id, objectType: "organization", remoteId: { in: deptIds } },
    select: { localId: true, remoteId: true },
  });
  const ouOf = new Map(bindings.map((b) => [b.remoteId, b.localId]));
  const ouIds = keys.map((k) => (k.startsWith("ou:") ? k.slice(3) : ouOf.get(k))).filter((id) => id !== undefined);
  const paths = await ouPaths(db, [...new Set(ouIds)]);
  const labels: Record<string, DepartmentLabel> = {};
  for (const key of keys) {
    if (key === String(idp.targetDeptId)) {
      labels[key] = { kind: "target" };
      continue;
    }
    const path = paths.get(key.startsWith("ou:") ? key.slice(3) : (ouOf.get(key) ?? ""));
    if (path) labels[key] = { kind: "ou", path };
    else if (/^\d+$/.test(key)) labels[key] = { kind: "dingtalk", deptId: Number(key) };
    else labels[key] = { kind: "unknown" };
  }
  return labels;
}
