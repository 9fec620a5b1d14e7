"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { provisionAccount } from "@/lib/server/sync/provision";

const ZProvisionAccountSchema = z.object({ idpId: z.string().min(1).max(64), accountId: z.string().min(1).max(64) });

// "Sync to DingTalk now": explain how one account is planned for one IdP, and write it (and the departments it needs) at once.
export const provisionAccountAction = adminAction(ZProvisionAccountSchema, async ({ idpId, accountId }, admin) => {
  const result = await provisionAccount(db, { idpId, accountId, actor: admin });
  if (result.outcome.kind === "writing") revalidatePath(`/identity-providers/${idpId}`);
  return result;
});
