import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./prisma-client";
import { isLockedOut, LOCKOUT_WINDOW_MS, MAX_FAILED_ATTEMPTS, recordAttempt } from "./sign-in-guard";
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
