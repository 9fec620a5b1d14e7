"use server";

import { revalidatePath } from "next/cache";
import { ZCreateOuSchema } from "@/lib/schemas/organization";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { createOu } from "@/lib/server/directory/ous";

// Creates an organizational unit as the last child of its parent.
export const createOuAction = adminAction(ZCreateOuSchema, async (input, admin) => {
  const ou = await createOu({ db, actor: admin, input });
  revalidatePath("/directory/organizations");
  return { id: ou.id };
});
