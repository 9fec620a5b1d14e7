import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { db } from "./db";

export type CurrentAdmin = { id: string; email: string; name: string; locale: string };

/** The signed-in administrator, re-read from the database, or null. A portal session is not one. */
export async function getCurrentAdmin(): Promise<CurrentAdmin | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  // Only an "admin" session reaches the console: an account's id must never be read as an admin's.
  if (!id || session.user.kind !== "admin") return null;
  // A deleted administrator loses access at once, whatever the JWT says.
  return db.admin.findUnique({ where: { id }, select: { id: true, email: true, name: true, locale: true } });
}

/** For pages and layouts: every protected page calls this itself. */
export async function requireAdmin(): Promise<CurrentAdmin> {
  const admin = await getCurrentAdmin();
  if (!admin) redirect("/login");
  return admin;
}

export type CurrentAccount = {
  id: string;
  /** "admin" when an administrator linked to this account is signed in (the portal and the console). */
  sessionKind: "admin" | "account";
};

/**
 * The directory account of this session, or null: an "account" session's own account, or the
 * account an administrator is linked to. Re-read every time, so a disabled or deleted account
 * loses the portal at once.
 */
export async function getCurrentAccount(): Promise<CurrentAccount | null> {
  const session = await getServerSession(authOptions);
  const { id, kind } = session?.user ?? {};
  if (!id || !kind) return null;
  const accountId =
    kind === "account"
      ? id
      : (await db.admin.findUnique({ where: { id }, select: { linkedAccountId: true } }))?.linkedAccountId;
  if (!accountId) return null;
  const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true, status: true } });
  return account?.status === "enabled" ? { id: account.id, sessionKind: kind } : null;
}

/** For portal pages: every one calls this itself. */
export async function requireAccount(): Promise<CurrentAccount> {
  const account = await getCurrentAccount();
  if (!account) redirect("/portal/login");
  return account;
}
