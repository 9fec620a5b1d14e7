// Stored plans as the review page reads them (lib/server/sync/plans.ts).
import type { ReviewCounts, ReviewGroup } from "@/lib/sync/review";
import type { Reason } from "@/lib/sync/reasons";
import type { ClashHolder, FieldDiff, ObjectType, PlanHold, PlanOpKind } from "@/lib/sync/types";
import type { DepartmentLabel } from "./runs";

export type PlanStatus = "ready" | "applying" | "applied" | "stale";

export type PlanSummaryView = {
  id: string;
  idpId: string;
  idpName: string;
  status: PlanStatus;
  counts: ReviewCounts;
  held: PlanHold | null;
  needsReview: boolean;
  firstSync: boolean;
  createdBy: string;
  createdAt: string;
  appliedBy: string | null;
  appliedAt: string | null;
  runId: string | null;
  /** The IdP's newest plan, when this one is not it. */
  newestPlanId: string | null;
};

export type PlanItemView = {
  seq: number;
  group: ReviewGroup;
  kind: PlanOpKind;
  objectType: ObjectType;
  /** The account or OU id (for "Edit the account"), never shown as text. */
  localId: string;
  displayName: string;
  remoteId: string | null;
  reason: Reason;
  diff: FieldDiff[];
  /** A link: the DingTalk user as it is now. */
  existing: ClashHolder | null;
  /** A conflict: the DingTalk users holding the userid, mobile or e-mail this account would take. */
  holders: { field: "userid" | "mobile" | "email"; holder: ClashHolder }[];
  /** A decision already taken for this account (in the queue or an earlier review). */
  decision: "link" | "skip" | null;
  /** A department the plan updates, moves, links or deletes: its names in DingTalk now, from below the target node. */
  remotePath: string[] | null;
};

export type PlanPage = {
  plan: PlanSummaryView;
  group: ReviewGroup;
  items: PlanItemView[];
  total: number;
  page: number;
  pages: number;
  departments: Record<string, DepartmentLabel>;
};

/** Where the console goes after a sync was asked for: the run when writing started, else the plan's review. */
export function syncDestination(
  idpId: string,
  { runId, planId }: { runId: string | null; planId: string | null },
): string {
  if (runId) return `/sync-runs/${runId}`;
  if (planId) return `/identity-providers/${idpId}/review/${planId}`;
  return `/identity-providers/${idpId}`;
}
