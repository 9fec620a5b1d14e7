import { checkScopeFilter, scopeVerdict } from "@/lib/mapping";
import { scopeFilterMessage } from "@/lib/messages/rule-problems";
import { toIdpUser } from "@/lib/sync";
import { eventLoopYielder } from "@/lib/sync/yield";
import { AppError } from "../app-error";
import type { Db } from "../prisma-client";
import { loadSource } from "../sync/source";
import { mappingCatalog } from "./rules";

export type ScopeCount = { total: number; inScope: number; outOfScope: number; failed: number };

/**
 * Before saving a scoping filter: how many enabled accounts of the IdP's source organizations it keeps
 * in scope, leaves out, or cannot decide (those are left as they are by a sync). Disabled accounts are
 * never synced and not counted.
 */
export async function countScope(db: Db, { idpId, scopeFilter }: { idpId: string; scopeFilter: string }) {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId }, select: { sourceOuIds: true } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  const source = scopeFilter.trim();
  const checked = source ? checkScopeFilter(source, await mappingCatalog(db)) : null;
  if (checked?.problem)
    throw new AppError({ code: "mappingErrors.invalidRules" }, { scopeFilter: [scopeFilterMessage(checked.problem)] });
  const { ous, accounts } = await loadSource(db);
  const children = new Map<string, string[]>();
  for (const o of ous) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const inSources = new Set<string>();
  for (const queue = [...(JSON.parse(idp.sourceOuIds) as string[])]; queue.length > 0;) {
    const id = queue.pop()!;
    if (inSources.has(id)) continue;
    inSources.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  const count: ScopeCount = { total: 0, inScope: 0, outOfScope: 0, failed: 0 };
  // A filter may spend up to the expression work budget per account: hand the event loop back as it goes.
  const pause = eventLoopYielder();
  for (const account of accounts) {
    if (account.status === "disabled" || !account.ouIds.some((id) => inSources.has(id))) continue;
    count.total += 1;
    if (!checked) count.inScope += 1;
    else {
      const verdict = scopeVerdict(checked.compiled, toIdpUser(account));
      if ("error" in verdict) count.failed += 1;
      else if (verdict.inScope) count.inScope += 1;
      else count.outOfScope += 1;
    }
    await pause();
  }
  return count;
}
