// The sign-in limits count in the database: two console processes (two Prisma clients on one
// database) take from the same windows, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./prisma-client";
import { SIGN_IN_LIMITS, SignInLimits, type LimitRules, type LimitVerdict } from "./rate-limit";
import { createTestDb } from "./test-db";

let db: Db;
let other: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  other = createPrismaClient(url);
});
afterAll(async () => {
  await other.$disconnect();
  await cleanup();
});

const rules = (points: number): LimitRules => ({ ...SIGN_IN_LIMITS, passwordPerIp: { points, durationS: 60 } });

/** One process each: the same rules over two clients. */
function twoProcesses(points: number): [SignInLimits, SignInLimits] {
  return [new SignInLimits(db, rules(points)), new SignInLimits(other, rules(points))];
}

const refusals = (verdicts: LimitVerdict[]) => verdicts.filter((v): v is Extract<LimitVerdict, { ok: false }> => !v.ok);

describe("sign-in limits across two processes", () => {
  it("takes alternately from one window; past it both refuse, the first refusal flagged once", async () => {
    const [a, b] = twoProcesses(3);
    const verdicts: LimitVerdict[] = [];
    for (let i = 0; i < 6; i++) verdicts.push(await [a, b][i % 2]!.take(["passwordPerIp", "192.0.2.1"]));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false, false, false]);
    expect(refusals(verdicts).map((v) => v.isFirstRefusal)).toEqual([true, false, false]);
    for (const v of refusals(verdicts)) {
      expect(v.limit).toBe("passwordPerIp");
      expect(v.retryAfterS).toBeGreaterThan(0);
      expect(v.retryAfterS).toBeLessThanOrEqual(60);
    }
    // Another client IP has its own window.
    expect(await b.take(["passwordPerIp", "192.0.2.2"])).toEqual({ ok: true });
  });

  it("40 parallel takes over both processes: exactly the limit pass, one refusal is the first", async () => {
    const [a, b] = twoProcesses(10);
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => [a, b][i % 2]!.take(["passwordPerIp", "192.0.2.3"])),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
    expect(refusals(verdicts).filter((v) => v.isFirstRefusal)).toHaveLength(1);
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "passwordPerIp:192.0.2.3" } })).toMatchObject({
      points: 40,
    });
  });

  it("a window that has ended starts again at one point, in either process", async () => {
    const [a, b] = twoProcesses(2);
    for (let i = 0; i < 3; i++) await a.take(["passwordPerIp", "192.0.2.4"]);
    expect((await b.take(["passwordPerIp", "192.0.2.4"])).ok).toBe(false);
    await db.rateLimiterFlexible.update({
      where: { key: "passwordPerIp:192.0.2.4" },
      data: { expire: new Date(Date.now() - 60_000) },
    });
    expect(await b.take(["passwordPerIp", "192.0.2.4"])).toEqual({ ok: true });
    const row = await other.rateLimiterFlexible.findUnique({ where: { key: "passwordPerIp:192.0.2.4" } });
    expect(row?.points).toBe(1);
    expect(row!.expire!.getTime()).toBeGreaterThan(Date.now());
  });

  it("stops at the first limit that refuses: later ones are not charged", async () => {
    const [a] = twoProcesses(1);
    await a.take(["passwordPerIp", "192.0.2.5"]);
    const before = await db.rateLimiterFlexible.findUnique({ where: { key: "passwordGlobal:only-here" } });
    expect(await a.take(["passwordPerIp", "192.0.2.5"], ["passwordGlobal", "only-here"])).toMatchObject({ ok: false });
    expect(before).toBeNull();
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "passwordGlobal:only-here" } })).toBeNull();
  });
});
