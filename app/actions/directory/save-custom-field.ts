"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZCustomFieldSchema } from "@/lib/schemas/custom-field";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { createCustomField, updateCustomField } from "@/lib/server/directory/custom-fields";

const ZSaveCustomFieldSchema = z.object({ isNew: z.boolean(), field: ZCustomFieldSchema });

// Creates or edits a custom account field definition.
export const saveCustomFieldAction = adminAction(ZSaveCustomFieldSchema, async ({ isNew, field }, admin) => {
  if (isNew) await createCustomField({ db, actor: admin, field });
  else await updateCustomField({ db, actor: admin, field });
  revalidatePath("/directory/custom-fields");
  return { id: field.id };
});
