"use server";

import { ZAlertSettingsSchema } from "@/lib/alerts/kinds";
import { adminAction } from "@/lib/server/action";
import { saveAlertSettings } from "@/lib/server/alerts/settings";
import { db } from "@/lib/server/db";

// Modify > Alerts: where an IdP's alerts go; an empty secret keeps the stored one.
export const saveAlertsAction = adminAction(ZAlertSettingsSchema, async (input, admin) => {
  await saveAlertSettings({ db, actor: admin, input });
  return { id: input.id };
});
