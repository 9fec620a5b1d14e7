"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { repairDrift } from "@/lib/server/reconcile/repair";
import { ZRepairDriftSchema } from "@/lib/views/reconcile";

// Repair now: writes back the listed drift (never the unknown objects: that filter is refused).
export const repairDriftAction = adminAction(ZRepairDriftSchema, async ({ reconciliationId, kind }, admin) => {
  const run = await repairDrift({
    db,
    reconciliationId,
    actor: admin,
    trigger: "manual",
    ...(kind && { kinds: [kind] }),
  });
  revalidatePath(`/identity-providers/${run.idpId}`);
  return { runId: run.id };
});
