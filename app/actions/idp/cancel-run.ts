"use server";

import { ZRunIdSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { cancelRun } from "@/lib/server/idp/runs";

// Cancels a queued or running sync.
export const cancelRunAction = adminAction(ZRunIdSchema, async ({ runId }, admin) => {
  await cancelRun({ db, actor: admin, runId });
  return { runId };
});
