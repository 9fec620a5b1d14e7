import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { checkLoginState, createLoginState, readLoginState, STATE_TTL_MS, StateLedger } from "./state";

const secret = "state-test-secret";
// Each state is made at T and checked at T + 1 s.
const T = Date.now();
const fresh = (idpId = "idp1") => createLoginState({ idpId, returnTo: "portal", secret, now: T });

// Two console processes on one database: each has its own Prisma client.
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

describe("login state", () => {
  it("is random, 256 bits, and round-trips through its signed cookie", () => {
    const a = fresh();
    const b = fresh();
    expect(a.value.state).not.toBe(b.value.state);
    expect(Buffer.from(a.value.state, "base64url")).toHaveLength(32);
    expect(readLoginState(a.cookie, secret)).toEqual(a.value);
    expect(a.value.expiresAt).toBe(T + STATE_TTL_MS);
  });

  it("rejects a cookie signed with another secret, edited, or malformed", () => {
    const { cookie } = fresh();
    expect(readLoginState(cookie, "other-secret")).toBeNull();
    const [payload, signature] = cookie.split(".");
    const edited = Buffer.from(Buffer.from(payload, "base64url").toString().replace("idp1", "idp2")).toString(
      "base64url",
    );
    expect(readLoginState(`${edited}.${signature}`, secret)).toBeNull();
    for (const bad of [undefined, "", "abc", `${cookie}.x`, `${payload}.`])
      expect(readLoginState(bad, secret)).toBeNull();
  });

  it("accepts the matching state once", async () => {
    const ledger = new StateLedger(db);
    const { value, cookie } = fresh();
    const saved = readLoginState(cookie, secret);
    await expect(
      checkLoginState(saved, { idpId: "idp1", state: value.state, now: T + 1_000, ledger }),
    ).resolves.toMatchObject({
      returnTo: "portal",
    });
    await expect(checkLoginState(saved, { idpId: "idp1", state: value.state, now: T + 1_000, ledger })).rejects.toThrow(
      expect.objectContaining({ code: "state_invalid" }),
    );
  });

  it("a state spent through one process is refused through the other", async () => {
    const { value, cookie } = fresh();
    const saved = readLoginState(cookie, secret);
    const check = (ledger: StateLedger) =>
      checkLoginState(saved, { idpId: "idp1", state: value.state, now: T + 1_000, ledger });
    await expect(check(new StateLedger(db))).resolves.toMatchObject({ idpId: "idp1" });
    await expect(check(new StateLedger(other))).rejects.toThrow(expect.objectContaining({ code: "state_invalid" }));
  });

  it("one state checked at once in both processes: exactly one is accepted", async () => {
    const { value, cookie } = fresh();
    const saved = readLoginState(cookie, secret);
    const results = await Promise.allSettled(
      [db, other, db, other].map((client) =>
        checkLoginState(saved, { idpId: "idp1", state: value.state, now: T + 1_000, ledger: new StateLedger(client) }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected", "rejected", "rejected"]);
  });

  it.each([
    ["a tampered state", { state: "x".repeat(43) }],
    ["no state", { state: undefined }],
    ["another IdP's callback", { idpId: "idp2" }],
    ["an expired state", { now: T + STATE_TTL_MS }],
  ])("refuses %s", async (_name, override) => {
    const { value, cookie } = fresh();
    const options = {
      idpId: "idp1",
      state: value.state as string | undefined,
      now: T + 1_000,
      ledger: new StateLedger(db),
      ...override,
    };
    await expect(checkLoginState(readLoginState(cookie, secret), options)).rejects.toThrow(
      expect.objectContaining({ code: "state_invalid" }),
    );
  });

  it("refuses a state from another browser (no cookie, or that browser's own cookie)", async () => {
    const mine = fresh();
    const theirs = fresh();
    const ledger = new StateLedger(db);
    await expect(checkLoginState(null, { idpId: "idp1", state: mine.value.state, ledger })).rejects.toThrow(
      /state_invalid/,
    );
    await expect(
      checkLoginState(readLoginState(theirs.cookie, secret), {
        idpId: "idp1",
        state: mine.value.state,
        now: T + 1_000,
        ledger,
      }),
    ).rejects.toThrow(/state_invalid/);
    // Neither refusal spent the state: its own cookie still gets in.
    await expect(
      checkLoginState(readLoginState(mine.cookie, secret), {
        idpId: "idp1",
        state: mine.value.state,
        now: T + 1_000,
        ledger,
      }),
    ).resolves.toMatchObject({ idpId: "idp1" });
  });

  it("the ledger keeps only a hash of the state, and deletes used states some minutes after they expired", async () => {
    const hash = (state: string) => createHash("sha256").update(state).digest("base64url");
    const ledger = new StateLedger(db);
    expect(await ledger.consume("old-state", T + 1_000, T)).toBe(true);
    expect(await ledger.consume("old-state", T + 1_000, T + 500)).toBe(false);
    expect(await db.usedSsoState.findUnique({ where: { id: hash("old-state") } })).not.toBeNull();
    expect(await db.usedSsoState.count({ where: { id: "old-state" } })).toBe(0);
    // An hour later another login sweeps it away.
    const later = T + 60 * 60_000;
    expect(await new StateLedger(other).consume("new-state", later + STATE_TTL_MS, later)).toBe(true);
    expect(await db.usedSsoState.findUnique({ where: { id: hash("old-state") } })).toBeNull();
    expect(await db.usedSsoState.findUnique({ where: { id: hash("new-state") } })).not.toBeNull();
  });
});
