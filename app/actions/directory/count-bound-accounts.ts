"use server";

import { ZAccountIdsSchema } from "@/lib/schemas/account";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { countBoundAccounts } from "@/lib/server/directory/accounts";

// Tells the delete confirmation how many of the accounts exist in DingTalk.
export const countBoundAccountsAction = adminAction(ZAccountIdsSchema, async ({ ids }) => ({
  bound: await countBoundAccounts(db, ids),
}));
