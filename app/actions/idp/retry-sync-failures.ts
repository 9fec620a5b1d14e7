"use server";

import { ZIdpIdSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { retrySyncFailures } from "@/lib/server/idp/failures";

// Retry now: a run over every object of the IdP whose last write to DingTalk failed.
export const retrySyncFailuresAction = adminAction(ZIdpIdSchema, async ({ id }, admin) =>
  retrySyncFailures({ db, actor: admin, id }),
);
