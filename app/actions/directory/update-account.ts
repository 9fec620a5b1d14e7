"use server";

import { revalidatePath } from "next/cache";
import { ZUpdateAccountSchema } from "@/lib/schemas/account";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { updateAccount } from "@/lib/server/directory/accounts";

// Saves an account's fields, organizations and custom field values.
export const updateAccountAction = adminAction(ZUpdateAccountSchema, async ({ id, account }, admin) => {
  await updateAccount({ db, actor: admin, id, account });
  revalidatePath("/directory/accounts");
  return { id };
});
