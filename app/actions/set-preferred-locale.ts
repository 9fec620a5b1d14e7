"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

const ZSetPreferredLocaleSchema = z.object({ locale: z.enum(locales) });

// Remembers the administrator's language, so a new browser opens in it too.
export const setPreferredLocaleAction = adminAction(ZSetPreferredLocaleSchema, async ({ locale }, admin) => {
  await db.admin.update({ where: { id: admin.id }, data: { locale } });
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  return { locale };
});
