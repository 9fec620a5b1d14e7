"use server";

import { revalidatePath } from "next/cache";
import { ZIdpStatusSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { setIdpEnabled } from "@/lib/server/idp/lifecycle";

// Enables or disables a finished identity provider.
export const setIdpStatusAction = adminAction(ZIdpStatusSchema, async ({ id, enabled }, admin) => {
  await setIdpEnabled({ db, actor: admin, id, enabled });
  revalidatePath("/identity-providers");
  revalidatePath(`/identity-providers/${id}`);
  return { id };
});
