"use server";

import { ZRotateSecretSchema } from "@/lib/schemas/idp";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { rotateAppSecret } from "@/lib/server/idp/application";

// Modify > rotate AppSecret: the new secret replaces the old one only after it fetched a token.
export const rotateSecretAction = adminAction(ZRotateSecretSchema, async ({ id, appSecret }, admin) => {
  await rotateAppSecret({ db, actor: admin, id, appSecret });
  return { id };
});
