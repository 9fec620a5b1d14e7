"use server";

import { revalidatePath } from "next/cache";
import { ZSyncStartSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { startRun } from "@/lib/server/idp/runs";

// Sync now (full) or Preview changes (dry run) for an identity provider.
export const startSyncAction = adminAction(ZSyncStartSchema, async ({ id, mode, confirmDeletes }, admin) => {
  const result = await startRun({ db, actor: admin, id, mode, confirmDeletes });
  revalidatePath(`/identity-providers/${id}`);
  return result;
});
