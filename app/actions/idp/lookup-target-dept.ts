"use server";

import { z } from "zod";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { lookupTargetDept } from "@/lib/server/idp/scenario";

const ZLookupSchema = z.object({
  id: z.string().min(1).max(64),
  deptId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

// Wizard step 3: the target DingTalk department's name, or why it cannot be the target.
export const lookupTargetDeptAction = adminAction(ZLookupSchema, async ({ id, deptId }) =>
  lookupTargetDept(db, id, deptId),
);
