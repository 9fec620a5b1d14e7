// The credentials provider's authorize against a real migrated database: rate limits, the atomic lockout, audit.
import bcryptjs from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizePassword, type PasswordSignInDeps } from "./password-sign-in";
import { verifyNobody, verifyPassword } from "./passwords";
import type { Db } from "./prisma-client";
import { SIGN_IN_LIMITS, SignInLimits, type LimitRules } from "./rate-limit";
import { MAX_FAILED_ATTEMPTS, SignInLockout } from "./sign-in-guard";
import { createTestDb } from "./test-db";

let db: Db;
let cleanup: () => Promise<void>;
const PASSWORD = "the-right-password";

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  // A hash bcryptjs wrote, as every administrator created before @node-rs/bcrypt has.
  const passwordHash = bcryptjs.hashSync(PASSWORD, 10);
  for (const email of ["flood@example.com", "ann@example.com", "bob@example.com"])
    await db.admin.create({ data: { email, name: email, passwordHash } });
});
afterAll(async () => cleanup());
// The limits count in the database: each test starts with fresh windows.
beforeEach(async () => {
  await db.rateLimiterFlexible.deleteMany();
});

const roomy: LimitRules = {
  ...SIGN_IN_LIMITS,
  passwordPerIp: { points: 10_000, durationS: 60 },
  passwordGlobal: { points: 10_000, durationS: 60 },
};

/** Deps whose password checks are counted (and take a moment, so parallel sign-ins overlap). */
function countingDeps(rules: LimitRules = roomy) {
  const counts = { verify: 0, nobody: 0 };
  const deps: PasswordSignInDeps = {
    db,
    limits: new SignInLimits(db, rules),
    lockout: new SignInLockout(db),
    verifyPassword: async (password, hash) => {
      counts.verify += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return verifyPassword(password, hash);
    },
    verifyNobody: async (password) => {
      counts.nobody += 1;
      return verifyNobody(password);
    },
  };
  return { deps, counts };
}

/** The refusal code authorize threw, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (err: Error) => err.message,
  );
}

function tally(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
}

async function refusalRows(reason: string): Promise<number> {
  const rows = await db.auditLog.findMany({ where: { action: "auth.sign_in_refused" } });
  return rows.filter((r) => (JSON.parse(r.details) as { reason?: string }).reason === reason).length;
}

describe("password sign-in", () => {
  it("100 parallel wrong passwords for one e-mail: 5 password checks, the other 95 refused as locked out", async () => {
    const { deps, counts } = countingDeps();
    const attempts = Array.from({ length: 100 }, (_, i) =>
      outcome(authorizePassword(deps, { email: "flood@example.com", password: `wrong-${i}` }, `10.0.0.${i % 50}`)),
    );
    const results = tally(await Promise.all(attempts));
    expect(counts.verify).toBe(MAX_FAILED_ATTEMPTS);
    expect(results).toEqual({ invalid_credentials: MAX_FAILED_ATTEMPTS, locked_out: 100 - MAX_FAILED_ATTEMPTS });
    // Locked: the right password is refused too, without a check.
    expect(await outcome(authorizePassword(deps, { email: "flood@example.com", password: PASSWORD }, "10.0.1.1"))).toBe(
      "locked_out",
    );
    expect(counts.verify).toBe(MAX_FAILED_ATTEMPTS);
    expect(await db.signInAttempt.count({ where: { email: "flood@example.com", succeeded: false } })).toBe(5);
  });

  it("signs in with a password whose hash bcryptjs wrote", async () => {
    const { deps } = countingDeps();
    const user = await authorizePassword(deps, { email: "ann@example.com", password: PASSWORD }, "10.0.2.1");
    expect(user).toMatchObject({ email: "ann@example.com", kind: "admin" });
  });

  it("an unknown e-mail costs a password verification too", async () => {
    const { deps, counts } = countingDeps();
    expect(await outcome(authorizePassword(deps, { email: "nobody@example.com", password: "x" }, "10.0.3.1"))).toBe(
      "invalid_credentials",
    );
    expect(counts).toEqual({ verify: 0, nobody: 1 });
  });

  it("one client IP: the N+1th sign-in is refused before any password check, and audited once a window", async () => {
    const perIp = 3;
    const { deps, counts } = countingDeps({ ...roomy, passwordPerIp: { points: perIp, durationS: 60 } });
    const before = await refusalRows("rate_limited");
    const fromA = [];
    for (let i = 0; i < perIp + 4; i++)
      fromA.push(await outcome(authorizePassword(deps, { email: `a${i}@example.com`, password: "x" }, "203.0.113.7")));
    expect(fromA).toEqual([...Array(perIp).fill("invalid_credentials"), ...Array(4).fill("rate_limited")]);
    expect(counts.nobody).toBe(perIp);
    // Another client is not affected; the refusals made one audit row, not four.
    expect(await outcome(authorizePassword(deps, { email: "b@example.com", password: "x" }, "203.0.113.8"))).toBe(
      "invalid_credentials",
    );
    expect((await refusalRows("rate_limited")) - before).toBe(1);
  });

  it("the global limit: past it every client is refused, whatever its IP", async () => {
    const global = 5;
    const { deps, counts } = countingDeps({ ...roomy, passwordGlobal: { points: global, durationS: 60 } });
    const results = [];
    for (let i = 0; i < global + 3; i++)
      results.push(
        await outcome(authorizePassword(deps, { email: `g${i}@example.com`, password: "x" }, `198.51.100.${i}`)),
      );
    expect(results).toEqual([...Array(global).fill("invalid_credentials"), ...Array(3).fill("rate_limited")]);
    expect(counts.nobody).toBe(global);
    // The right password of a known administrator waits for the window too.
    expect(await outcome(authorizePassword(deps, { email: "bob@example.com", password: PASSWORD }, "192.0.2.1"))).toBe(
      "rate_limited",
    );
  });
});
