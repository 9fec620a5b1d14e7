"use server";

import { revalidatePath } from "next/cache";
import { ZUpdateOuSchema } from "@/lib/schemas/organization";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { updateOu } from "@/lib/server/directory/ous";

// Renames an organizational unit or edits its external id and description.
export const updateOuAction = adminAction(ZUpdateOuSchema, async (input, admin) => {
  await updateOu({ db, actor: admin, input });
  revalidatePath("/directory/organizations");
  return { id: input.id };
});
