"use server";

import { revalidatePath } from "next/cache";
import { ZReorderOuSchema } from "@/lib/schemas/organization";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { reorderOu } from "@/lib/server/directory/ous";

// Moves an organizational unit one place up or down among its siblings.
export const reorderOuAction = adminAction(ZReorderOuSchema, async ({ id, direction }, admin) => {
  const result = await reorderOu({ db, actor: admin, id, direction });
  revalidatePath("/directory/organizations");
  return result;
});
