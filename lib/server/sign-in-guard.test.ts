import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./prisma-client";
import {
  countRecentFailures,
  isLockedOut,
  LOCKOUT_WINDOW_MS,
  MAX_FAILED_ATTEMPTS,
  recordAttempt,
  SignInLockout,
} from "./sign-in-guard";
import { createTestDb } from "./test-db";

describe("sign-in lockout", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await createTestDb()));
  afterAll(async () => cleanup());

  it("locks an e-mail after 5 failures and leaves other e-mails alone", async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await recordAttempt(db, "a@example.com", false);
    expect(await isLockedOut(db, "a@example.com")).toBe(false);
    await recordAttempt(db, "a@example.com", false);
    expect(await isLockedOut(db, "a@example.com")).toBe(true);
    expect(await isLockedOut(db, "b@example.com")).toBe(false);
  });

  it("does not count successes, and forgets failures after the window", async () => {
    for (let i = 0; i < 10; i++) await recordAttempt(db, "c@example.com", true);
    expect(await isLockedOut(db, "c@example.com")).toBe(false);
    const later = new Date(Date.now() + LOCKOUT_WINDOW_MS + 1000);
    expect(await isLockedOut(db, "a@example.com", later)).toBe(false);
  });
});

describe("the lockout's reservations", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await createTestDb()));
  afterAll(async () => cleanup());

  it("100 parallel reservations for one e-mail: 5 places, each failure settled counts", async () => {
    const lockout = new SignInLockout(db);
    const places = await Promise.all(Array.from({ length: 100 }, () => lockout.reserve("p@example.com")));
    const taken = places.filter((p) => p !== null);
    expect(taken).toHaveLength(MAX_FAILED_ATTEMPTS);
    await Promise.all(taken.map((p) => p.settle(false)));
    expect(await countRecentFailures(db, "p@example.com")).toBe(MAX_FAILED_ATTEMPTS);
    expect(await lockout.reserve("p@example.com")).toBeNull();
  });

  it("a place settled as a success frees it; settling twice records once", async () => {
    const lockout = new SignInLockout(db);
    const places = await Promise.all(
      Array.from({ length: MAX_FAILED_ATTEMPTS }, () => lockout.reserve("s@example.com")),
    );
    expect(await lockout.reserve("s@example.com")).toBeNull();
    await places[0]!.settle(true, "192.0.2.1");
    await places[0]!.settle(false);
    // One row per password check: the settled one is a success, the four in flight still count as failures.
    expect(await db.signInAttempt.count({ where: { email: "s@example.com" } })).toBe(MAX_FAILED_ATTEMPTS);
    expect(await db.signInAttempt.findMany({ where: { email: "s@example.com", succeeded: true } })).toEqual([
      expect.objectContaining({ ip: "192.0.2.1" }),
    ]);
    expect(await countRecentFailures(db, "s@example.com")).toBe(MAX_FAILED_ATTEMPTS - 1);
    expect(await lockout.reserve("s@example.com")).not.toBeNull();
  });

  it("forgets a window's failures", async () => {
    const lockout = new SignInLockout(db);
    const past = new Date(Date.now() - LOCKOUT_WINDOW_MS - 1000);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await (await lockout.reserve("w@example.com", past))!.settle(false);
    expect(await lockout.reserve("w@example.com", new Date(past.getTime() + 1))).toBeNull();
    expect(await lockout.reserve("w@example.com")).not.toBeNull();
  });
});

// Two console processes on one database: each has its own Prisma client and its own lockout.
describe("the lockout across two processes", () => {
  let url: string;
  let db: Db;
  let other: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, url, cleanup } = await createTestDb());
    other = createPrismaClient(url);
  });
  afterAll(async () => {
    await other.$disconnect();
    await cleanup();
  });

  it("failures spread over both processes lock the e-mail out on both", async () => {
    const lockouts = [new SignInLockout(db), new SignInLockout(other)];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      const place = await lockouts[i % 2]!.reserve("x@example.com");
      expect(place).not.toBeNull();
      await place!.settle(false);
    }
    expect(await lockouts[0]!.reserve("x@example.com")).toBeNull();
    expect(await lockouts[1]!.reserve("x@example.com")).toBeNull();
  });

  it("60 parallel reservations over both processes: 5 places in all; a success in one frees a place in the other", async () => {
    const lockouts = [new SignInLockout(db), new SignInLockout(other)];
    // A lockout each, as 60 processes would have (a lockout queues its own reservations for one e-mail),
    // over two clients: up to 20 transactions race for the e-mail at once.
    const places = await Promise.all(
      Array.from({ length: 60 }, (_, i) => new SignInLockout(i % 2 ? other : db).reserve("y@example.com")),
    );
    const taken = places.filter((p) => p !== null);
    expect(taken).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(await lockouts[1]!.reserve("y@example.com")).toBeNull();
    await taken[0]!.settle(true);
    const freed = await lockouts[1]!.reserve("y@example.com");
    expect(freed).not.toBeNull();
    await Promise.all([...taken.slice(1), freed!].map((p) => p.settle(false)));
    expect(await countRecentFailures(other, "y@example.com")).toBe(MAX_FAILED_ATTEMPTS);
    expect(await lockouts[0]!.reserve("y@example.com")).toBeNull();
  });
});
