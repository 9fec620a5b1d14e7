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
 * The lockout, atomic: checking it and taking a place count as one step per e-mail. A check in
 * flight counts as a failure until it settles, so however many sign-ins arrive at once, at most
 * MAX_FAILED_ATTEMPTS passwords are checked per e-mail and window.
 *
 * The order is kept in this process (the console's single-process default). Several processes
 * sharing a database need the same step in the database instead: a row per e-mail locked with
 * SELECT ... FOR UPDATE (PostgreSQL) around the count and the insert of a pending attempt.
 */
export class SignInLockout {
  private readonly queue = new KeyedQueue();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** A place for one password check, or null when the e-mail is locked out. */
  reserve(email: string, now = new Date()): Promise<AttemptReservation | null> {
    return this.queue.run(email, async () => {
      const pending = this.inFlight.get(email) ?? 0;
      if ((await countRecentFailures(this.db, email, now)) + pending >= MAX_FAILED_ATTEMPTS) return null;
      this.inFlight.set(email, pending + 1);
      let isSettled = false;
      return {
        settle: async (succeeded, ip) => {
          if (isSettled) return;
          isSettled = true;
          await this.settle(email, succeeded, ip);
        },
      };
    });
  }

  // Recorded in the same queue, so a check never sees the attempt both in flight and recorded.
  private settle(email: string, succeeded: boolean, ip?: string): Promise<void> {
    return this.queue.run(email, async () => {
      try {
        await recordAttempt(this.db, email, succeeded, ip);
      } finally {
        const pending = (this.inFlight.get(email) ?? 1) - 1;
        if (pending > 0) this.inFlight.set(email, pending);
        else this.inFlight.delete(email);
      }
    });
  }
}

// One lockout per process: its order is what makes the check atomic (Next.js may load this module more than once).
const globalForLockout = globalThis as unknown as { __signInLockout?: SignInLockout };

/** The process's lockout, over its database. */
export function signInLockout(db: Db): SignInLockout {
  return (globalForLockout.__signInLockout ??= new SignInLockout(db));
}
