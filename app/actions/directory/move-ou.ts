"use server";

import { revalidatePath } from "next/cache";
import { ZMoveOuSchema } from "@/lib/schemas/organization";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { moveOu } from "@/lib/server/directory/ous";

// Moves an organizational unit under another parent (never under itself).
export const moveOuAction = adminAction(ZMoveOuSchema, async ({ id, parentId }, admin) => {
  await moveOu({ db, actor: admin, id, parentId });
  revalidatePath("/directory/organizations");
  return { id };
});
