import type { Db } from "./prisma-client";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** Failures for this e-mail inside the lockout window. */
export async function countRecentFailures(db: Db, email: string, now = new Date()): Promise<number> {
  return db.signInAttempt.count({
    where: { email, succeeded: false, createdAt: { gt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } },
  });
}

export async function isLockedOut(db: Db, email: string, now = new Date()): Promise<boolean> {
  return (await countRecentFailures(db, email, now)) >= MAX_FAILED_ATTEMPTS;
}

export async function recordAttempt(db: Db, email: string, succeeded: boolean, ip?: string): Promise<void> {
  await db.signInAttempt.create({ data: { email, succeeded, ip } });
}
