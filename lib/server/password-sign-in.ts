import type { User } from "next-auth";
import { ZSignInSchema, type SignInErrorCode } from "@/lib/schemas/sign-in";
import { writeAudit } from "./audit";
import type { Db } from "./prisma-client";
import { auditRateLimited, type SignInLimits } from "./rate-limit";
import type { SignInLockout } from "./sign-in-guard";

export type PasswordSignInDeps = {
  db: Db;
  limits: SignInLimits;
  lockout: SignInLockout;
  /** lib/server/passwords.ts; tests count the calls. */
  verifyPassword: (password: string, passwordHash: string) => Promise<boolean>;
  verifyNobody: (password: string) => Promise<false>;
};

// next-auth hands the message to the form as `error` (lib/schemas/sign-in.ts puts it into words).
function refuse(code: SignInErrorCode): never {
  throw new Error(code);
}

type SignedInAdmin = { id: string; email: string; name: string };

/** The administrator when the password is theirs, else null. */
async function matchingAdmin(deps: PasswordSignInDeps, email: string, password: string): Promise<SignedInAdmin | null> {
  const admin = await deps.db.admin.findUnique({ where: { email } });
  // An unknown e-mail costs a verification too, so timing does not reveal which e-mails exist.
  if (!admin) return deps.verifyNobody(password).then(() => null);
  return (await deps.verifyPassword(password, admin.passwordHash)) ? admin : null;
}

/**
 * The credentials provider's authorize: the rate limits (this client IP, then everyone), the
 * lockout's place for one password check, the check off the event loop, the outcome recorded.
 */
export async function authorizePassword(deps: PasswordSignInDeps, credentials: unknown, ip: string): Promise<User> {
  const { db } = deps;
  const parsed = ZSignInSchema.safeParse(credentials);
  if (!parsed.success) refuse("invalid_credentials");
  const { email, password } = parsed.data;

  const verdict = await deps.limits.take(["passwordPerIp", ip], ["passwordGlobal", "all"]);
  if (!verdict.ok) {
    await auditRateLimited(db, verdict, { method: "password", ip });
    refuse("rate_limited");
  }

  const reservation = await deps.lockout.reserve(email);
  if (!reservation) {
    await writeAudit(db, { actor: "system", action: "auth.sign_in_refused", details: { email, reason: "locked_out" } });
    refuse("locked_out");
  }

  let admin: SignedInAdmin | null = null;
  try {
    admin = await matchingAdmin(deps, email, password);
  } finally {
    await reservation.settle(admin !== null, ip);
  }
  if (!admin) {
    await writeAudit(db, { actor: "system", action: "auth.sign_in_failed", details: { email } });
    refuse("invalid_credentials");
  }
  await db.admin.update({ where: { id: admin.id }, data: { lastSignInAt: new Date() } });
  await writeAudit(db, { actor: { id: admin.id, email: admin.email }, action: "auth.sign_in" });
  return { id: admin.id, email: admin.email, name: admin.name, kind: "admin" };
}
