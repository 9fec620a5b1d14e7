"use server";

import { revalidatePath } from "next/cache";
import { ZIdpIdSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteIdp } from "@/lib/server/idp/lifecycle";

// Deletes an identity provider (or a wizard draft) with its bindings; DingTalk's data is left as it is.
export const deleteIdpAction = adminAction(ZIdpIdSchema, async ({ id }, admin) => {
  await deleteIdp({ db, actor: admin, id });
  revalidatePath("/identity-providers");
  return { id };
});
