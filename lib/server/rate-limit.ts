import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { writeAudit } from "./audit";
import type { Db } from "./prisma-client";
import { SqlRateLimiterStore } from "./rate-limit-store";

/**
 * The sign-in limits: what one client IP, all clients together, and one IdP's in-app SSO may
 * try in a window. They bound the work a flood costs (a bcrypt verification is ~200 ms of a
 * core; an in-app code is a DingTalk call from the app's 20 per second). Legitimate use is far
 * below: an administrator signs in a few times a day; a company behind one NAT address opening
 * the app at nine o'clock is why in-app SSO allows more per IP than the password form.
 */
export const SIGN_IN_LIMITS = {
  /** Password sign-ins from one client IP. */
  passwordPerIp: { points: 20, durationS: 60 },
  /** Password sign-ins from everyone: the most bcrypt work the form may cause. */
  passwordGlobal: { points: 100, durationS: 60 },
  /** In-app SSO codes from one client IP. */
  inAppPerIp: { points: 60, durationS: 60 },
  /** In-app SSO codes for one IdP: each costs a DingTalk getuserinfo call. */
  inAppPerIdp: { points: 20, durationS: 10 },
} satisfies Record<string, { points: number; durationS: number }>;

export type LimitName = keyof typeof SIGN_IN_LIMITS;
export type LimitRules = Record<LimitName, { points: number; durationS: number }>;

/** Taken, or refused until the window ends; `isFirstRefusal` is true once per key and window (audit that one). */
export type LimitVerdict = { ok: true } | { ok: false; limit: LimitName; isFirstRefusal: boolean; retryAfterS: number };

function createLimiter(db: Db, name: LimitName, rule: { points: number; durationS: number }): RateLimiterAbstract {
  return new SqlRateLimiterStore({ storeClient: db, keyPrefix: name, points: rule.points, duration: rule.durationS });
}

/**
 * One limiter per rule, counted in the database (table RateLimiterFlexible), so every console
 * process behind a load balancer takes from the same windows.
 */
export class SignInLimits {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;

  constructor(
    db: Db,
    readonly rules: LimitRules = SIGN_IN_LIMITS,
  ) {
    this.limiters = {
      passwordPerIp: createLimiter(db, "passwordPerIp", rules.passwordPerIp),
      passwordGlobal: createLimiter(db, "passwordGlobal", rules.passwordGlobal),
      inAppPerIp: createLimiter(db, "inAppPerIp", rules.inAppPerIp),
      inAppPerIdp: createLimiter(db, "inAppPerIdp", rules.inAppPerIdp),
    };
  }

  /** Takes one point from each limit in order; stops at the first that refuses (later ones are not charged). */
  async take(...checks: [LimitName, string][]): Promise<LimitVerdict> {
    for (const [limit, key] of checks) {
      try {
        await this.limiters[limit].consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        return {
          ok: false,
          limit,
          // The first point past the limit is the first refusal of this window: the store's count is
          // one atomic increment, so exactly one consume in a window, in any process, sees it.
          isFirstRefusal: err.consumedPoints === this.rules[limit].points + 1,
          retryAfterS: Math.ceil(err.msBeforeNext / 1000),
        };
      }
    }
    return { ok: true };
  }
}

// One set per process (Next.js may load this module more than once, and dev reloads it); the counts are in the database.
const globalForLimits = globalThis as unknown as { __signInLimits?: SignInLimits };

/** The process's sign-in limits, over its database client (lib/server/db.ts). */
export function signInLimits(db: Db): SignInLimits {
  return (globalForLimits.__signInLimits ??= new SignInLimits(db));
}

/** A rate-limit refusal goes to the audit log once per limit, key and window, not once per request. */
export async function auditRateLimited(
  db: Db,
  verdict: Extract<LimitVerdict, { ok: false }>,
  details: Record<string, unknown>,
): Promise<void> {
  if (!verdict.isFirstRefusal) return;
  await writeAudit(db, {
    actor: "system",
    action: "auth.sign_in_refused",
    details: { ...details, reason: "rate_limited", limit: verdict.limit, retryAfterS: verdict.retryAfterS },
  });
}
