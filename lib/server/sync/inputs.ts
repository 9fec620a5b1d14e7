import type { IdentityProvider } from "@/lib/generated/prisma/client";
import type { DingTalkClient } from "@/lib/dingtalk";
import {
  compileSyncRules,
  premapSources,
  readSnapshot,
  readTargetedSnapshot,
  snapshotNeeds,
  type CompiledRules,
  type MatchDecision,
  type PlanInput,
} from "@/lib/sync";
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
    snapshot,
    bindings,
    only,
    deleteThresholdPercent: idp.deleteThresholdPercent,
    deleteThresholdCount: idp.deleteThresholdCount,
    matchFallbacks,
    deprovision,
    decisions,
  };
  return { input, compiled };
}
