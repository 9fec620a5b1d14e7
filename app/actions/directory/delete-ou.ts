"use server";

import { revalidatePath } from "next/cache";
import { ZDeleteOuSchema } from "@/lib/schemas/organization";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteOu } from "@/lib/server/directory/ous";

// Deletes an empty organizational unit, or moves its members to the parent first.
export const deleteOuAction = adminAction(ZDeleteOuSchema, async ({ id, moveMembersToParent }, admin) => {
  const result = await deleteOu({ db, actor: admin, id, moveMembersToParent });
  revalidatePath("/directory/organizations");
  revalidatePath("/directory/accounts");
  return result;
});
