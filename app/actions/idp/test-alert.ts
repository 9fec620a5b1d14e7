"use server";

import { ZTestAlertSchema } from "@/lib/alerts/kinds";
import { adminAction } from "@/lib/server/action";
import { sendTestAlert } from "@/lib/server/alerts/test-alert";
import { db } from "@/lib/server/db";

// Modify > Alerts > Send test message: DingTalk's or the mail server's answer, as a code for words.
export const testAlertAction = adminAction(ZTestAlertSchema, async ({ id, channel }) =>
  sendTestAlert({ db, idpId: id, channel }),
);
