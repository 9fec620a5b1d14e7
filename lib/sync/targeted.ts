// Incremental sync reads only what the changed objects touch, so a one-account change costs a
// handful of calls whatever the size of the corp: the bound departments and users of the
// changed objects, the siblings a new or renamed department must not collide with, the
// members of a department about to go, and the userids a create would take. Matching an
// unbound account by mobile (identifier or an enabled fallback) reads the user DingTalk finds
// by that mobile; by e-mail or job number it needs the whole user list (DingTalk has no lookup
// by those), so then the caller reads the full snapshot instead.
import type { DingTalkClient } from "@/lib/dingtalk";
import { isDingTalkError } from "@/lib/dingtalk";
import { mapUser, type CompiledRules } from "./mapping";
import { usableFallbacks, type MatchFallback } from "./matching";
import { targetLevelOf, toSnapshotDepartment, toSnapshotUser } from "./snapshot";
import type {
  BindingRecord,
  DingTalkSnapshot,
  SnapshotDepartment,
  SnapshotUser,
  SourceAccount,
  SourceOu,
  MatchDecision,
} from "./types";

export type TargetedClient = Pick<
  DingTalkClient,
  "getDepartment" | "listSubDepartments" | "listAllUsers" | "getUser" | "getUseridByMobile"
>;

/** What to read for a targeted snapshot; `full` when only the whole user list can tell. */
export type SnapshotNeeds =
  | { full: true; why: string }
  | {
      full: false;
      deptIds: number[];
      listSubOf: number[];
      listUsersOf: number[];
      userids: string[];
      mobiles: string[];
    };

export type NeedsInput = {
  only: string[];
  sourceRootIds: string[];
  targetDeptId: number;
  ous: SourceOu[];
  accounts: SourceAccount[];
  bindings: BindingRecord[];
  rules: CompiledRules;
  /** Enabled matching fallbacks, in order: each needs what its field's lookup needs. */
  fallbacks?: MatchFallback[];
  /** An administrator's links and skips: a linked user is read by its userid, a skipped account needs nothing. */
  decisions?: MatchDecision[];
};

export function snapshotNeeds(input: NeedsInput): SnapshotNeeds {
  const remoteOf = (type: "user" | "organization") =>
    new Map(input.bindings.filter((b) => b.objectType === type).map((b) => [b.localId, b.remoteId]));
  const deptOf = remoteOf("organization");
  const userOf = remoteOf("user");
  const ous = new Map(input.ous.map((o) => [o.id, o]));
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const roots = new Set(input.sourceRootIds);
  const idField = input.rules.identifierField;
  const fallbacks = usableFallbacks(input.fallbacks ?? [], idField);
  const deptIds = new Set<number>();
  const listSubOf = new Set<number>();
  const listUsersOf = new Set<number>();
  const userids = new Set<string>();
  const mobiles = new Set<string>();
  const decisions = new Map((input.decisions ?? []).map((d) => [d.localId, d]));

  for (const id of input.only) {
    const bound = deptOf.get(id);
    if (bound) {
      // Present? Moved? Emptied? Its record, its children and its members say.
      deptIds.add(Number(bound));
      listSubOf.add(Number(bound));
      listUsersOf.add(Number(bound));
    }
    const ou = ous.get(id);
    if (ou?.parentId) {
      // The siblings it must not collide with (and may match by name).
      const parentDept = roots.has(ou.parentId) ? input.targetDeptId : Number(deptOf.get(ou.parentId) ?? NaN);
      if (!Number.isNaN(parentDept)) listSubOf.add(parentDept);
    }
    const boundUser = userOf.get(id);
    if (boundUser) userids.add(boundUser);
    const account = accounts.get(id);
    if (!account || boundUser) continue;
    const decision = decisions.get(id);
    if (decision?.decision === "skip") continue;
    if (decision?.decision === "link") {
      userids.add(decision.remoteId);
      continue;
    }
    const mapped = mapUser(account, input.rules);
    const userid = mapped.userid ?? account.username;
    userids.add(userid);
    // The identifier (the userid is read above), then each enabled fallback.
    const matchers = [idField, ...fallbacks].filter((field) => field !== "userid");
    for (const field of matchers) {
      const value = mapped.fields[field] ?? null;
      if (value === null) continue;
      if (field === "mobile") mobiles.add(value);
      else return { full: true, why: `match_by_${field}` };
    }
  }
  return {
    full: false,
    deptIds: [...deptIds],
    listSubOf: [...listSubOf],
    listUsersOf: [...listUsersOf],
    userids: [...userids],
    mobiles: [...mobiles],
  };
}

/** The call's result, or undefined when DingTalk says the object does not exist. */
async function unlessMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isDingTalkError(err) && err.kind === "not_found") return undefined;
    throw err;
  }
}

export async function readTargetedSnapshot(
  client: TargetedClient,
  targetDeptId: number,
  needs: Extract<SnapshotNeeds, { full: false }>,
): Promise<DingTalkSnapshot> {
  const targetLevel = await targetLevelOf(client, targetDeptId);
  const byMobile = await Promise.all(needs.mobiles.map((m) => unlessMissing(client.getUseridByMobile(m))));
  const userids = new Set([...needs.userids, ...byMobile.filter((u): u is string => !!u)]);
  const [got, subs, members, users] = await Promise.all([
    Promise.all(needs.deptIds.map((id) => unlessMissing(client.getDepartment(id)))),
    Promise.all(needs.listSubOf.map((id) => unlessMissing(client.listSubDepartments(id)))),
    Promise.all(needs.listUsersOf.map((id) => unlessMissing(client.listAllUsers(id)))),
    Promise.all([...userids].map((id) => unlessMissing(client.getUser(id)))),
  ]);
  const departments = new Map<number, SnapshotDepartment>();
  for (const d of [...got, ...subs.flat()])
    if (d && d.deptId !== targetDeptId) departments.set(d.deptId, toSnapshotDepartment(d));
  const snapshotUsers = new Map<string, SnapshotUser>();
  for (const u of [...members.flat(), ...users]) if (u) snapshotUsers.set(u.userid, toSnapshotUser(u));
  return {
    targetDeptId,
    targetLevel,
    departments: [...departments.values()],
    users: [...snapshotUsers.values()],
    partial: { checkedDeptIds: needs.deptIds },
  };
}
