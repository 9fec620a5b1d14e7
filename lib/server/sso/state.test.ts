import { describe, expect, it } from "vitest";
import { checkLoginState, createLoginState, readLoginState, STATE_TTL_MS, StateLedger } from "./state";

const secret = "state-test-secret";
const fresh = (idpId = "idp1") => createLoginState({ idpId, returnTo: "portal", secret, now: 1_000 });

describe("login state", () => {
  it("is random, 256 bits, and round-trips through its signed cookie", () => {
    const a = fresh();
    const b = fresh();
    expect(a.value.state).not.toBe(b.value.state);
    expect(Buffer.from(a.value.state, "base64url")).toHaveLength(32);
    expect(readLoginState(a.cookie, secret)).toEqual(a.value);
    expect(a.value.expiresAt).toBe(1_000 + STATE_TTL_MS);
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

  it("accepts the matching state once", () => {
    const ledger = new StateLedger();
    const { value, cookie } = fresh();
    const saved = readLoginState(cookie, secret);
    expect(checkLoginState(saved, { idpId: "idp1", state: value.state, now: 2_000, ledger })).toMatchObject({
      returnTo: "portal",
    });
    expect(() => checkLoginState(saved, { idpId: "idp1", state: value.state, now: 2_000, ledger })).toThrow(
      expect.objectContaining({ code: "state_invalid" }),
    );
  });

  it.each([
    ["a tampered state", { state: "x".repeat(43) }],
    ["no state", { state: undefined }],
    ["another IdP's callback", { idpId: "idp2" }],
    ["an expired state", { now: 1_000 + STATE_TTL_MS }],
  ])("refuses %s", (_name, override) => {
    const { value, cookie } = fresh();
    const options = {
      idpId: "idp1",
      state: value.state as string | undefined,
      now: 2_000,
      ledger: new StateLedger(),
      ...override,
    };
    expect(() => checkLoginState(readLoginState(cookie, secret), options)).toThrow(
      expect.objectContaining({ code: "state_invalid" }),
    );
  });

  it("refuses a state from another browser (no cookie, or that browser's own cookie)", () => {
    const mine = fresh();
    const theirs = fresh();
    const ledger = new StateLedger();
    expect(() => checkLoginState(null, { idpId: "idp1", state: mine.value.state, ledger })).toThrow(/state_invalid/);
    expect(() =>
      checkLoginState(readLoginState(theirs.cookie, secret), {
        idpId: "idp1",
        state: mine.value.state,
        now: 2_000,
        ledger,
      }),
    ).toThrow(/state_invalid/);
  });

  it("the ledger forgets states once they have expired", () => {
    const ledger = new StateLedger();
    expect(ledger.consume("s", 10, 0)).toBe(true);
    expect(ledger.consume("s", 10, 5)).toBe(false);
    expect(ledger.consume("s", 30, 11)).toBe(true);
  });
});
