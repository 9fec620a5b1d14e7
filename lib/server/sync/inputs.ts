import type { IdentityProvider } from "@/lib/generated/prisma/client";
import { isDingTalkError, type DingTalkClient } from "@/lib/dingtalk";
import {
  compileSyncRules,
  premapSources,
  readSnapshot,
  readTargetedSnapshot,
  snapshotNeeds,
  type BindingRecord,
  type CompiledRules,
  type DingTalkSnapshot,
  type MatchDecision,
  type PlanInput,
} from "@/lib/sync";
import { toSnapshotUser } from "@/lib/sync/snapshot";
import { readDeprovisionPolicy } from "@/lib/sync/deprovision";
import { readMatchFallbacks } from "@/lib/sync/matching";
import { mappingCatalog } from "../idp/rules";
import type { Db } from "../prisma-client";
import { loadBindings, loadRules, loadSource } from "./source";

/** The administrator's links and skips for this IdP's conflicts. */
export async function loadDecisions(db: Db, idpId: string): Promise<MatchDecision[]> {
  const rows = await db.matchDecision.findMany({ where: { idpId } });
  return rows.map((d) =>
    d.decision === "link" && d.remoteId
      ? { localId: d.localId, decision: "link", remoteId: d.remoteId }
      : { localId: d.localId, decision: "skip" },
  );
}

/**
 * Everything a plan is computed from: the directory (every account, or `only` some), the rules and
 * settings, the bindings and decisions, and DingTalk's state read now (the whole target node, or just
 * what `only`'s objects touch). The rules have run over every object when this returns.
 */
export async function loadPlanInputs(
  db: Db,
  idp: IdentityProvider,
  client: DingTalkClient,
  { signal, only }: { signal?: AbortSignal; only?: string[] } = {},
): Promise<{ input: PlanInput; compiled: CompiledRules }> {
  const deprovision = readDeprovisionPolicy(idp.deprovisionPolicy, idp.deprovisionDeptId);
  // The holding department's members are read too, so that a returning account finds its user there.
  const alsoMembersOf = deprovision.policy === "move" ? [deprovision.deptId] : [];
  const [source, rules, bindings, decisions, fullSnapshot] = await Promise.all([
    loadSource(db, { accountIds: only }),
    loadRules(db, idp.id),
    loadBindings(db, idp.id),
    loadDecisions(db, idp.id),
    only ? undefined : readSnapshot(client, idp.targetDeptId, { signal, alsoMembersOf }),
  ]);
  const compiled = compileSyncRules(rules, await mappingCatalog(db));
  // Rules run here, in slices, so that planning (synchronous) finds every object mapped.
  await premapSources(source, compiled, { signal });
  const sourceRootIds = JSON.parse(idp.sourceOuIds) as string[];
  const matchFallbacks = readMatchFallbacks(idp.matchFallbacks, compiled.identifierField);
  // A run over some objects reads just what they touch, unless matching needs every user.
  const needs =
    only &&
    snapshotNeeds({
      only,
      sourceRootIds,
      targetDeptId: idp.targetDeptId,
      ...source,
      bindings,
      rules: compiled,
      fallbacks: matchFallbacks,
      decisions,
    });
  const snapshot =
    fullSnapshot ??
    (needs && !needs.full
      ? await readTargetedSnapshot(client, idp.targetDeptId, needs)
      : await readSnapshot(client, idp.targetDeptId, { signal, alsoMembersOf }));
  signal?.throwIfAborted();
  const input: PlanInput = {
    sourceRootIds,
    ...source,
    rules,
    snapshot: await withLinkTargets(client, snapshot, decisions, bindings),
    bindings,
    only,
    deleteThresholdPercent: idp.deleteThresholdPercent,
    deleteThresholdCount: idp.deleteThresholdCount,
    matchFallbacks,
    deprovision,
    decisions,
    scopeFilter: idp.scopeFilter,
  };
  return { input, compiled };
}

/**
 * A user an administrator linked may sit outside the target node (the holder of a clash found
 * anywhere in the corp): it is read by its userid, so the review shows it as it is and the diff is
 * against its real fields.
 */
async function withLinkTargets(
  client: DingTalkClient,
  snapshot: DingTalkSnapshot,
  decisions: MatchDecision[],
  bindings: BindingRecord[],
): Promise<DingTalkSnapshot> {
  const bound = new Set(bindings.filter((b) => b.objectType === "user").map((b) => b.localId));
  const present = new Set(snapshot.users.map((u) => u.userid));
  const missing = decisions.flatMap((d) =>
    d.decision === "link" && !bound.has(d.localId) && !present.has(d.remoteId) ? [d.remoteId] : [],
  );
  if (missing.length === 0) return snapshot;
  const found = await Promise.all(
    [...new Set(missing)].map((userid) =>
      client.getUser(userid).then(toSnapshotUser, (err: unknown) => {
        if (isDingTalkError(err) && err.kind === "not_found") return null;
        throw err;
      }),
    ),
  );
  const users = found.filter((u) => u !== null);
  return users.length === 0 ? snapshot : { ...snapshot, users: [...snapshot.users, ...users] };
}
