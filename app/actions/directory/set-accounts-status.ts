"use server";

import { revalidatePath } from "next/cache";
import { ZSetAccountsStatusSchema } from "@/lib/schemas/account";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { setAccountsStatus } from "@/lib/server/directory/accounts";

// Enables or disables accounts in bulk.
export const setAccountsStatusAction = adminAction(ZSetAccountsStatusSchema, async ({ ids, status }, admin) => {
  const result = await setAccountsStatus({ db, actor: admin, ids, status });
  revalidatePath("/directory/accounts");
  return result;
});
