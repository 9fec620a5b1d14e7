"use server";

import { revalidatePath } from "next/cache";
import { ZApplicationSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveApplication } from "@/lib/server/idp/application";

// Wizard step 1 (and Modify > basic settings): verifies the credentials with DingTalk, then saves the draft.
export const saveApplicationAction = adminAction(ZApplicationSchema, async (input, admin) => {
  const result = await saveApplication({ db, actor: admin, input });
  revalidatePath("/identity-providers");
  return result;
});
