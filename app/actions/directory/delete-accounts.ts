"use server";

import { revalidatePath } from "next/cache";
import { ZAccountIdsSchema } from "@/lib/schemas/account";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { deleteAccounts } from "@/lib/server/directory/accounts";

// Deletes accounts; bound DingTalk users are removed at the next sync.
export const deleteAccountsAction = adminAction(ZAccountIdsSchema, async ({ ids }, admin) => {
  const result = await deleteAccounts({ db, actor: admin, ids });
  revalidatePath("/directory/accounts");
  return result;
});
