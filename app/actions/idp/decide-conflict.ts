"use server";

import { revalidatePath } from "next/cache";
import { ZDecideConflictSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { decideConflict } from "@/lib/server/sync/decisions";
import { preparePlan } from "@/lib/server/sync/plans";

// Link / Skip / Un-skip, from the IdP's conflict queue (a link is written at once by a run over that
// account) or from a review (the plan is computed again with the decision and shown for review).
export const decideConflictAction = adminAction(ZDecideConflictSchema, async (input, admin) => {
  const fromReview = input.planId !== undefined;
  const { runId } = await decideConflict(db, { input, actor: admin, syncNow: !fromReview });
  revalidatePath(`/identity-providers/${input.idpId}`);
  if (!fromReview) return { runId, planId: null };
  const next = await preparePlan(db, { idpId: input.idpId, actor: admin, forceReview: true });
  return { runId: null, planId: next.planId };
});
