"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { startReconciliation } from "@/lib/server/reconcile/reconcile";
import { ZReconcileNowSchema } from "@/lib/views/reconcile";

// Reconcile now: reads DingTalk under the target node in the background and lists the drift.
export const reconcileNowAction = adminAction(ZReconcileNowSchema, async ({ id }, admin) => {
  const { id: reconciliationId } = await startReconciliation({ db, idpId: id, trigger: "manual", actor: admin });
  revalidatePath(`/identity-providers/${id}`);
  return { reconciliationId };
});
