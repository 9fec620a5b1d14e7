// Reads what sits under the target node: departments level by level (listsub), then
// each department's direct members page by page (cursor), each user once.
import type { DingTalkClient, DingTalkDepartment, DingTalkUser } from "@/lib/dingtalk";
import { isDingTalkError } from "@/lib/dingtalk";
import { SyncError } from "./errors";
import type { DingTalkSnapshot, SnapshotDepartment, SnapshotUser } from "./types";

/** The client calls readSnapshot uses (a DingTalkClient has them all). */
export type SnapshotClient = Pick<DingTalkClient, "getDepartment" | "listSubDepartments" | "listAllUsers">;

export function toSnapshotDepartment(d: DingTalkDepartment): SnapshotDepartment {
  return {
    deptId: d.deptId,
    name: d.name,
    parentId: d.parentId ?? null,
    order: d.order,
    sourceIdentifier: d.sourceIdentifier,
  };
}

/** Scalar wire fields as text; arrays and objects (dept lists, roles) are left out. */
export function toSnapshotUser(u: DingTalkUser): SnapshotUser {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(u.raw)) {
    if (typeof value === "string") fields[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") fields[key] = String(value);
  }
  delete fields.userid;
  return { userid: u.userid, deptIdList: [...u.deptIdList], fields };
}

async function levelOf(client: Pick<SnapshotClient, "getDepartment">, deptId: number): Promise<number> {
  let level = 1;
  let current = await client.getDepartment(deptId);
  // Root has no parent; 20 levels at most, so the walk is short.
  while (current.parentId !== undefined && current.parentId !== 0 && level <= 25) {
    level += 1;
    current = await client.getDepartment(current.parentId);
  }
  return level;
}

/** The target node's level (root = 1); a clear SyncError when it does not exist. */
export async function targetLevelOf(
  client: Pick<SnapshotClient, "getDepartment">,
  targetDeptId: number,
): Promise<number> {
  try {
    return await levelOf(client, targetDeptId);
  } catch (err) {
    if (isDingTalkError(err) && err.kind === "not_found")
      throw new SyncError("target_not_found", { deptId: targetDeptId }, { cause: err });
    throw err;
  }
}

const USER_LIST_BATCH = 8;

export type ReadSnapshotOptions = {
  signal?: AbortSignal;
  pageSize?: number;
  /** Departments outside the tree whose members are read too: the holding department of the "move" policy. */
  alsoMembersOf?: number[];
};

export async function readSnapshot(
  client: SnapshotClient,
  targetDeptId: number,
  options: ReadSnapshotOptions = {},
): Promise<DingTalkSnapshot> {
  const targetLevel = await targetLevelOf(client, targetDeptId);
  const departments: SnapshotDepartment[] = [];
  const seen = new Set<number>([targetDeptId]);
  let level = [targetDeptId];
  while (level.length > 0) {
    options.signal?.throwIfAborted();
    const children = await Promise.all(level.map((id) => client.listSubDepartments(id)));
    const next: number[] = [];
    for (const dept of children.flat()) {
      if (seen.has(dept.deptId)) continue;
      seen.add(dept.deptId);
      departments.push(toSnapshotDepartment(dept));
      next.push(dept.deptId);
    }
    level = next;
  }
  const users = new Map<string, SnapshotUser>();
  const deptIds = [targetDeptId, ...departments.map((d) => d.deptId)];
  // A few departments at a time (the client limits calls in flight); results kept in tree order.
  for (let i = 0; i < deptIds.length; i += USER_LIST_BATCH) {
    options.signal?.throwIfAborted();
    const batch = deptIds.slice(i, i + USER_LIST_BATCH);
    const pages = await Promise.all(batch.map((id) => client.listAllUsers(id, options.pageSize ?? 100)));
    for (const u of pages.flat()) if (!users.has(u.userid)) users.set(u.userid, toSnapshotUser(u));
  }
  for (const id of (options.alsoMembersOf ?? []).filter((d) => !seen.has(d))) {
    // A holding department deleted since it was picked holds nobody.
    const members = await client.listAllUsers(id, options.pageSize ?? 100).catch((err: unknown) => {
      if (isDingTalkError(err) && err.kind === "not_found") return [];
      throw err;
    });
    for (const u of members) if (!users.has(u.userid)) users.set(u.userid, toSnapshotUser(u));
  }
  return { targetDeptId, targetLevel, departments, users: [...users.values()] };
}
