import { checkRules, checkScopeFilter, type MappingRule } from "@/lib/mapping";
import { ruleFieldErrors, scopeFilterMessage } from "@/lib/messages/rule-problems";
import type { TSaveMappingInput } from "@/lib/schemas/mapping";
import { readMatchFallbacks, type MatchFallback } from "@/lib/sync/matching";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { preparePlan } from "../sync/plans";
import { mappingCatalog } from "./rules";

/** Re-checks the scoping filter with the editor's validator; refuses it as the field error `scopeFilter`. */
export async function checkScopeFilterOnServer(db: Db, source: string | null | undefined): Promise<void> {
  if (!source?.trim()) return;
  const checked = checkScopeFilter(source, await mappingCatalog(db));
  if (!checked.problem) return;
  throw new AppError({ code: "mappingErrors.invalidRules" }, { scopeFilter: [scopeFilterMessage(checked.problem)] });
}

/** Re-checks every rule with the editor's validator; refuses the set with each problem as a code and params. */
export async function checkRulesOnServer(db: Db, rules: MappingRule[]): Promise<void> {
  const problems = checkRules(rules, await mappingCatalog(db));
  if (problems.length === 0) return;
  throw new AppError({ code: "mappingErrors.invalidRules" }, ruleFieldErrors(problems));
}

type AuditedRule = {
  objectType: string;
  targetField: string;
  kind: string;
  source: string;
  isMappingIdentifier: boolean;
};
const auditView = (r: AuditedRule) => ({
  objectType: r.objectType,
  targetField: r.targetField,
  kind: r.kind,
  source: r.source,
  isMappingIdentifier: r.isMappingIdentifier,
});

type ReplaceRulesOptions = {
  db: Db;
  actor: AuditActor;
  idpId: string;
  rules: MappingRule[];
  /** The matching fallbacks, in order; undefined leaves the stored ones as they are. */
  matchFallbacks?: MatchFallback[];
  /** The scoping filter (null: none); undefined leaves the stored one as it is. Checked by the caller. */
  scopeFilter?: string | null;
};

/** Replaces the IdP's rules (and matching fallbacks) in one transaction, audited with the before and after. */
export async function replaceRules({ db, actor, idpId, rules, matchFallbacks, scopeFilter }: ReplaceRulesOptions) {
  await db.$transaction(async (tx) => {
    const before = await tx.fieldMappingRule.findMany({
      where: { idpId },
      orderBy: [{ objectType: "asc" }, { position: "asc" }],
    });
    const idp = await tx.identityProvider.findUniqueOrThrow({
      where: { id: idpId },
      select: { matchFallbacks: true, scopeFilter: true },
    });
    const fallbacksBefore = readMatchFallbacks(idp.matchFallbacks);
    const fallbacksAfter = matchFallbacks ?? fallbacksBefore;
    const filterAfter = scopeFilter === undefined ? idp.scopeFilter : scopeFilter?.trim() || null;
    if (matchFallbacks || scopeFilter !== undefined)
      await tx.identityProvider.update({
        where: { id: idpId },
        data: {
          ...(matchFallbacks && { matchFallbacks: JSON.stringify(matchFallbacks) }),
          ...(scopeFilter !== undefined && { scopeFilter: filterAfter }),
        },
      });
    await tx.fieldMappingRule.deleteMany({ where: { idpId } });
    // A plan waiting for review was computed with the old rules: it is out of date.
    await tx.syncPlan.updateMany({ where: { idpId, status: "ready" }, data: { status: "stale" } });
    await tx.fieldMappingRule.createMany({
      data: rules.map((r, position) => ({
        ...r,
        // Only an added field keeps a label of its own; the others are labelled from the catalogue at render.
        targetDisplayName: r.isCustom ? r.targetDisplayName : null,
        source: r.kind === "disabled" ? r.source : r.source.trim(),
        idpId,
        position,
      })),
    });
    await writeAudit(tx, {
      actor,
      action: "idp.mapping.update",
      targetType: "idp",
      targetId: idpId,
      details: {
        before: before.map(auditView),
        after: rules.map(auditView),
        matchFallbacks: { before: fallbacksBefore, after: fallbacksAfter },
        ...(filterAfter !== idp.scopeFilter && { scopeFilter: { before: idp.scopeFilter, after: filterAfter } }),
      },
    });
  });
}

type SaveMappingOptions = {
  db: Db;
  admin: CurrentAdmin;
  id: string;
  rules: MappingRule[];
  /** Matching precedence after the identifier; undefined leaves the stored fallbacks as they are. */
  matchFallbacks?: MatchFallback[];
  /** The scoping filter; undefined leaves the stored one as it is. */
  scopeFilter?: string | null;
  mode: TSaveMappingInput["mode"];
};

/** Step 4 "Save and sync" / "Save only", or Configure Field Mapping's "Save" (update) and "Save and sync". */
export async function saveMapping({
  db,
  admin,
  id,
  rules,
  matchFallbacks,
  scopeFilter,
  mode,
}: SaveMappingOptions): Promise<{ runId: string | null; planId: string | null }> {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (mode !== "update" && idp.status === "draft" && (idp.wizardStep < 4 || !idp.permissionsCheckedAt)) {
    throw new AppError({ code: "errors.wizardIncomplete" });
  }
  // Checked before saving: the rules are not half-applied when the run cannot start.
  if (mode === "sync" && idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
  await checkRulesOnServer(db, rules);
  await checkScopeFilterOnServer(db, scopeFilter);
  await replaceRules({ db, actor: admin, idpId: id, rules, matchFallbacks, scopeFilter });
  if (mode === "update") return { runId: null, planId: null };
  if (idp.status === "draft") {
    await db.identityProvider.update({ where: { id }, data: { status: "enabled", wizardStep: 5 } });
    await writeAudit(db, {
      actor: admin,
      action: "idp.enable",
      targetType: "idp",
      targetId: id,
      details: { via: "wizard" },
    });
  }
  if (mode === "save") return { runId: null, planId: null };
  // Save and sync: the plan is computed and shown for review (written at once only when it needs none).
  return preparePlan(db, { idpId: id, actor: admin });
}
