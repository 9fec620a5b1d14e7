"use server";

import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveReconcileSettings } from "@/lib/server/reconcile/settings";
import { ZReconcileSettingsSchema } from "@/lib/views/reconcile";

// Modify > Reconciliation: the schedule and the drift policy.
export const saveReconcileAction = adminAction(ZReconcileSettingsSchema, async (input, admin) => {
  await saveReconcileSettings({ db, actor: admin, input });
  return { id: input.id };
});
