// The review of a plan before it is written (issue 13): each op falls in one group the
// administrator reads, and a plan needs review when it is the first sync, when the IdP asks
// for review, or when it links existing DingTalk users, clashes with them, or deletes.
import type { Plan, PlanOp } from "./types";

/** In the review's order: conflicts first (they need a decision), then links, deletes, and the rest. */
export const REVIEW_GROUPS = ["conflict", "link", "delete", "create", "update", "refused"] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

export function isReviewGroup(value: unknown): value is ReviewGroup {
  return typeof value === "string" && (REVIEW_GROUPS as readonly string[]).includes(value);
}

/**
 * create: new users and departments; update: objects already bound; link: existing DingTalk users
 * and departments this plan binds (by the identifier, a fallback, an administrator's link, or a
 * department's source identifier or name); conflict: a create DingTalk will refuse because another
 * user holds the userid, mobile or e-mail, or an identifier that matches several users; delete:
 * deletes and deprovisioning (moves to the holding department, unbinds); refused: what the plan
 * cannot write (a mapping problem, a department too deep).
 */
export function reviewGroup(op: PlanOp): ReviewGroup {
  switch (op.kind) {
    case "dept_create":
      return "create";
    case "user_create":
      return op.holders?.mobile || op.holders?.email || op.holders?.userid ? "conflict" : "create";
    case "dept_update":
    case "dept_move":
      return op.bind ? "link" : "update";
    case "user_bind":
      return "link";
    case "user_update":
      return op.reason.code === "deprovision_move" || op.reason.code === "deprovision_unbind" ? "delete" : "update";
    case "user_delete":
    case "dept_delete":
      return "delete";
    case "user_invalid":
      return CONFLICT_REASONS.includes(op.reason.code) ? "conflict" : "refused";
    case "dept_blocked":
      return op.reason.code === "delete_not_empty" ? "delete" : "refused";
  }
}

export type ReviewCounts = Record<ReviewGroup, number>;

export function reviewCounts(ops: PlanOp[]): ReviewCounts {
  const counts = Object.fromEntries(REVIEW_GROUPS.map((g) => [g, 0])) as ReviewCounts;
  for (const op of ops) counts[reviewGroup(op)] += 1;
  return counts;
}

/**
 * Whether an administrator must see the plan before it is written: always for the first full
 * sync, when the IdP's "Review before writing" is on, and for any plan that links existing
 * DingTalk users, clashes with them, deletes or holds deletes. A plan of creates and updates
 * alone may be written directly once the setting is off.
 */
export function needsReview(
  plan: Pick<Plan, "ops" | "held">,
  { firstSync, reviewBeforeWriting }: { firstSync: boolean; reviewBeforeWriting: boolean },
): boolean {
  if (firstSync || reviewBeforeWriting || plan.held) return true;
  const counts = reviewCounts(plan.ops);
  return counts.link + counts.conflict + counts.delete > 0;
}

/** Reasons of a clash with an existing DingTalk user: the conflict queue and the review offer Link, Skip and Edit. */
export const CONFLICT_REASONS: readonly string[] = [
  "clash_with_user",
  "clash_outside_scope",
  "conflict_bound_elsewhere",
  "userid_taken",
  "identifier_ambiguous",
  "link_target_taken",
];
