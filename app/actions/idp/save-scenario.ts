"use server";

import { revalidatePath } from "next/cache";
import { ZScenarioSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveScenario } from "@/lib/server/idp/scenario";

// Wizard step 3 (and Modify > scenario): source organizations, target department and switches.
export const saveScenarioAction = adminAction(ZScenarioSchema, async (input, admin) => {
  const result = await saveScenario({ db, actor: admin, input });
  revalidatePath(`/identity-providers/${input.id}`);
  return result;
});
