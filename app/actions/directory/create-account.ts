"use server";

import { revalidatePath } from "next/cache";
import { ZAccountSchema } from "@/lib/schemas/account";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { createAccount } from "@/lib/server/directory/accounts";

// Creates a directory account; its outbox event reaches DingTalk through sync.
export const createAccountAction = adminAction(ZAccountSchema, async (account, admin) => {
  const created = await createAccount({ db, actor: admin, account });
  revalidatePath("/directory/accounts");
  return { id: created.id };
});
