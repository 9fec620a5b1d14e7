import { randomUUID } from "node:crypto";
import { dialectOf, type Db } from "./prisma-client";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
/** How often a process deletes the lock rows of e-mails not tried for a window. */
const LOCK_SWEEP_INTERVAL_MS = 60_000;

/** Failures for this e-mail inside the lockout window (a check still in flight counts as one). */
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

/** Runs async work one at a time per key, in this process. */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const gate = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => gate);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** One password check allowed by the lockout; settle it with the outcome, exactly once. */
export type AttemptReservation = { settle(succeeded: boolean, ip?: string): Promise<void> };

/**
 * The lockout, atomic across every process on the database: checking it and taking a place is
 * one database step per e-mail. A place is a SignInAttempt row written as a failure when it is
 * taken and turned into a success when the password matches, so a check in flight counts as a
 * failure, in every process, until it settles: however many sign-ins arrive at once, at most
 * MAX_FAILED_ATTEMPTS passwords are checked per e-mail and window. A process that dies
 * mid-check leaves its place counted as a failure until the window forgets it.
 */
export class SignInLockout {
  private lastSweep = 0;
  // Not for correctness (the database orders reservations across processes): a flood for one
  // e-mail waits here in turn instead of holding every pooled connection while it waits for the
  // e-mail's row lock, which would stall the process's other requests.
  private readonly queue = new KeyedQueue();

  constructor(private readonly db: Db) {}

  /** A place for one password check, or null when the e-mail is locked out. */
  async reserve(email: string, now = new Date()): Promise<AttemptReservation | null> {
    const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
    let id: string | null;
    if (dialectOf(this.db) === "postgresql") {
      await this.sweepLocks(now);
      id = await this.queue.run(email, () => reservePostgres(this.db, email, now, since));
    } else {
      id = await reserveSqlite(this.db, email, now, since);
    }
    if (!id) return null;
    let isSettled = false;
    return {
      settle: async (succeeded, ip) => {
        if (isSettled) return;
        isSettled = true;
        await this.db.signInAttempt.update({ where: { id }, data: { succeeded, ip } });
      },
    };
  }

  // A lock row only orders reservations while its e-mail is being tried; rows idle for a window go, now and then.
  private async sweepLocks(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < LOCK_SWEEP_INTERVAL_MS) return;
    this.lastSweep = now.getTime();
    await this.db.signInLock.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } } });
  }
}

/**
 * PostgreSQL: the e-mail's SignInLock row is written first, which holds its row lock until
 * commit; a second reservation for the e-mail (any process) waits there, and under READ
 * COMMITTED (PostgreSQL's default, which the console keeps) its count, a later statement, sees
 * the first one's place.
 */
async function reservePostgres(db: Db, email: string, now: Date, since: Date): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await tx.signInLock.upsert({ where: { email }, create: { email }, update: { updatedAt: now } });
    const failures = await tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } });
    if (failures >= MAX_FAILED_ATTEMPTS) return null;
    const place = await tx.signInAttempt.create({
      data: { email, succeeded: false, createdAt: now },
      select: { id: true },
    });
    return place.id;
  });
}

/**
 * SQLite: one statement, count and insert together. A write statement takes the database's one
 * write lock before it reads, so no other process writes between the count and the insert.
 * (An interactive transaction would hold that lock across event-loop turns, while
 * better-sqlite3 in every other process waits for it synchronously.)
 */
async function reserveSqlite(db: Db, email: string, now: Date, since: Date): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "SignInAttempt" ("id", "email", "succeeded", "createdAt")
    SELECT ${randomUUID()}, ${email}, false, ${now}
    WHERE (SELECT COUNT(*) FROM "SignInAttempt"
           WHERE "email" = ${email} AND "succeeded" = false AND "createdAt" > ${since}) < ${MAX_FAILED_ATTEMPTS}
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

// One lockout per process (Next.js may load this module more than once); its state is in the database.
const globalForLockout = globalThis as unknown as { __signInLockout?: SignInLockout };

/** The process's lockout, over its database. */
export function signInLockout(db: Db): SignInLockout {
  return (globalForLockout.__signInLockout ??= new SignInLockout(db));
}
