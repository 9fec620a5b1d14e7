"use server";

import { ZSaveMappingSchema } from "@/lib/schemas/mapping";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { saveMapping } from "@/lib/server/idp/mapping";

// Wizard step 4 (Save and sync / Save only) and Configure Field Mapping: re-checks and saves the rules and the
// matching fallbacks. No revalidatePath: it would re-render the wizard page in this response, and that page
// redirects an IdP that is no longer a draft to its overview, racing the client's move to the sync run. Every
// caller navigates (pages are dynamic, so they are read fresh) or refreshes afterwards.
export const saveMappingAction = adminAction(
  ZSaveMappingSchema,
  async ({ id, rules, matchFallbacks, scopeFilter, mode }, admin) =>
    saveMapping({ db, admin, id, rules, matchFallbacks, scopeFilter, mode }),
);
