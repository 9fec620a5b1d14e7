"use server";

import { ZRunIdSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { retryFailed } from "@/lib/server/idp/runs";

// Retry failed objects: a new full run limited to the objects that failed in this run.
export const retryFailedAction = adminAction(ZRunIdSchema, async ({ runId }, admin) =>
  retryFailed({ db, actor: admin, runId }),
);
