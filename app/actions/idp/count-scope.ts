"use server";

import { z } from "zod";
import { SCOPE_FILTER_MAX_LENGTH } from "@/lib/mapping";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { countScope } from "@/lib/server/idp/scope-count";

const ZCountScopeSchema = z.object({
  idpId: z.string().min(1).max(64),
  scopeFilter: z.string().max(SCOPE_FILTER_MAX_LENGTH, { message: "validation.tooLong" }),
});

// Configure Field Mapping > Scoping filter: accounts in and out of scope before saving.
export const countScopeAction = adminAction(ZCountScopeSchema, async ({ idpId, scopeFilter }) =>
  countScope(db, { idpId, scopeFilter }),
);
