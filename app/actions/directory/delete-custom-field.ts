"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteCustomField } from "@/lib/server/directory/custom-fields";

// Removes a custom field definition.
export const deleteCustomFieldAction = adminAction(z.object({ id: z.string().min(1) }), async ({ id }, admin) => {
  await deleteCustomField({ db, actor: admin, id });
  revalidatePath("/directory/custom-fields");
  return { id };
});
