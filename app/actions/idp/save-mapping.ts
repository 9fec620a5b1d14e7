"use server";

import { revalidatePath } from "next/cache";
import { ZSaveMappingSchema } from "@/lib/schemas/mapping";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveMapping } from "@/lib/server/idp/mapping";

// Wizard step 4 (Save and sync / Save only) and Configure Field Mapping: re-checks and saves the rules and the matching fallbacks.
export const saveMappingAction = adminAction(ZSaveMappingSchema, async ({ id, rules, matchFallbacks, mode }, admin) => {
  const result = await saveMapping({ db, admin, id, rules, matchFallbacks, mode });
  revalidatePath("/identity-providers");
  revalidatePath(`/identity-providers/${id}`);
  return result;
});
