"use server";

import { revalidatePath } from "next/cache";
import { ZApplyPlanSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { applyPlan } from "@/lib/server/sync/plans";

// Apply on the review page: writes the reviewed plan, or returns the new plan when its inputs changed.
export const applyPlanAction = adminAction(ZApplyPlanSchema, async ({ planId, confirmDeletes }, admin) => {
  const outcome = await applyPlan(db, { planId, actor: admin, confirmDeletes });
  revalidatePath("/identity-providers");
  return outcome;
});
