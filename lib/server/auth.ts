import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { db } from "./db";

export type CurrentAdmin = { id: string; email: string; name: string; locale: string };

/** The signed-in administrator, re-read from the database, or null. */
export async function getCurrentAdmin(): Promise<CurrentAdmin | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  // A deleted administrator loses access at once, whatever the JWT says.
  return db.admin.findUnique({ where: { id }, select: { id: true, email: true, name: true, locale: true } });
}

/** For pages and layouts: every protected page calls this itself. */
export async function requireAdmin(): Promise<CurrentAdmin> {
  const admin = await getCurrentAdmin();
  if (!admin) redirect("/login");
  return admin;
}
