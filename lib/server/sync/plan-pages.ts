// The review page's reads of a stored plan (lib/server/sync/plans.ts): one page of one group, with
// the plan's summary and words for every department its diffs name.
import { isReviewGroup, REVIEW_GROUPS, type PlanOp, type ReviewGroup } from "@/lib/sync";
import type { DepartmentLabel } from "@/lib/views/runs";
import type { PlanItemView, PlanPage, PlanStatus, PlanSummaryView } from "@/lib/views/plans";
import { departmentLabels } from "../idp/run-departments";
import type { Db } from "../prisma-client";
import type { StoredSummary } from "./plans";
import { slices } from "./slices";

export const PLAN_PAGE_SIZE = 50;

function summaryView(
  row: {
    id: string;
    idpId: string;
    status: string;
    summary: string;
    needsReview: boolean;
    firstSync: boolean;
    createdBy: string;
    createdAt: Date;
    appliedBy: string | null;
    appliedAt: Date | null;
    runId: string | null;
  },
  idpName: string,
  newestPlanId: string | null,
): PlanSummaryView {
  const summary = JSON.parse(row.summary) as StoredSummary;
  return {
    id: row.id,
    idpId: row.idpId,
    idpName,
    status: row.status as PlanStatus,
    counts: summary.counts,
    held: summary.held,
    needsReview: row.needsReview,
    firstSync: row.firstSync,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    appliedBy: row.appliedBy,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    runId: row.runId,
    newestPlanId: newestPlanId === row.id ? null : newestPlanId,
  };
}

function itemView(
  seq: number,
  group: ReviewGroup,
  op: PlanOp,
  decision: "link" | "skip" | null,
): Omit<PlanItemView, "remotePath"> {
  const holders =
    op.kind === "user_create" && op.holders
      ? (["userid", "mobile", "email"] as const).flatMap((field) => {
          const holder = op.holders?.[field];
          return holder ? [{ field, holder }] : [];
        })
      : op.kind === "user_invalid" && (op.reason.code === "userid_taken" || op.reason.code === "link_target_taken")
        ? [
            {
              field: "userid" as const,
              holder: { userid: op.reason.params.userid, name: op.reason.params.name, departments: null },
            },
          ]
        : [];
  return {
    seq,
    group,
    kind: op.kind,
    objectType: op.objectType,
    localId: op.localId,
    displayName: op.displayName,
    remoteId: op.remoteId ?? (op.kind === "user_create" ? op.userid : null),
    reason: op.reason,
    diff: op.diff,
    existing: op.kind === "user_bind" ? (op.existing ?? null) : null,
    holders,
    decision,
  };
}

/** One page of one review group, with the plan's summary and the words for its department references. */
export async function readPlanPage(
  db: Db,
  { planId, group, page }: { planId: string; group?: string; page?: number },
): Promise<PlanPage | null> {
  const row = await db.syncPlan.findUnique({ where: { id: planId }, include: { idp: true } });
  if (!row) return null;
  const newest = await db.syncPlan.findFirst({
    where: { idpId: row.idpId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const plan = summaryView(row, row.idp.displayName, newest?.id ?? null);
  // The first group with something in it, in the review's order (conflicts first: they need a decision).
  const chosen: ReviewGroup = isReviewGroup(group)
    ? group
    : (REVIEW_GROUPS.find((g) => plan.counts[g] > 0) ?? "create");
  const total = plan.counts[chosen];
  const pages = Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE));
  const at = Math.min(Math.max(1, Math.floor(page ?? 1)), pages);
  const rows = await db.syncPlanItem.findMany({
    where: { planId, reviewGroup: chosen },
    orderBy: { seq: "asc" },
    skip: (at - 1) * PLAN_PAGE_SIZE,
    take: PLAN_PAGE_SIZE,
  });
  const ops = rows.map((r) => ({ seq: r.seq, op: JSON.parse(r.op) as PlanOp }));
  const localIds = ops.map((o) => o.op.localId);
  const decisions = new Map<string, "link" | "skip">();
  for (const slice of slices(localIds))
    for (const d of await db.matchDecision.findMany({ where: { idpId: row.idpId, localId: { in: slice } } }))
      decisions.set(d.localId, d.decision === "link" ? "link" : "skip");
  const names = (JSON.parse(row.summary) as StoredSummary).departments ?? {};
  const items = ops.map(({ seq, op }) => ({
    ...itemView(seq, chosen, op, decisions.get(op.localId) ?? null),
    // A department the plan updates, moves, links or deletes: its name and path in DingTalk now.
    remotePath: op.objectType === "organization" && op.remoteId ? (names[op.remoteId] ?? null) : null,
  }));
  const labels = await departmentLabels(
    db,
    row.idp,
    items.map((i) => ({ diff: JSON.stringify(i.diff) })),
  );
  // DingTalk departments nothing binds yet (a first sync, a linked user's current ones, the holding
  // department) by their name in DingTalk, never by dept_id.
  const departments: Record<string, DepartmentLabel> = {};
  for (const [key, label] of Object.entries(labels))
    departments[key] = label.kind === "dingtalk" && names[key] ? { kind: "ou", path: names[key] } : label;
  return { plan, group: chosen, items, total, page: at, pages, departments };
}
