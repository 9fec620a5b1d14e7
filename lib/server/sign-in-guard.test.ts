import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./prisma-client";
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
    await places[0]!.settle(true);
    await places[0]!.settle(true);
    expect(await db.signInAttempt.count({ where: { email: "s@example.com" } })).toBe(1);
    expect(await lockout.reserve("s@example.com")).not.toBeNull();
  });
});
