"use server";

import { ZIdpIdSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { checkPermissions } from "@/lib/server/idp/permissions";

// Wizard step 2: probes DingTalk for the address-book permissions the app really has.
export const checkPermissionsAction = adminAction(ZIdpIdSchema, async ({ id }, admin) =>
  checkPermissions({ db, actor: admin, id }),
);
