import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ZLoginReturnTo, type LoginReturnTo } from "@/lib/schemas/sso";
import { SsoRefusal } from "./refusal";

// The OAuth `state` of a QR login. The start route sends a random value to DingTalk and
// keeps it in a signed, httpOnly, SameSite=Lax cookie; the callback accepts DingTalk's
// answer only when the query's state equals the cookie's, the cookie was made for this
// IdP, has not expired and has not been used. So a callback URL replayed, forged or
// carried into another browser is refused: the query alone is never trusted.

/** Long enough to scan a QR code; DingTalk's authCode itself lives 5 minutes. */
export const STATE_TTL_MS = 10 * 60_000;

export type LoginState = { state: string; idpId: string; returnTo: LoginReturnTo; expiresAt: number };

const ZLoginState = z.object({
  state: z.string().min(32).max(128),
  idpId: z.string().min(1).max(64),
  returnTo: ZLoginReturnTo,
  expiresAt: z.number(),
});

function sign(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`dingtalk-login-state\u0000${payload}`).digest();
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh state (256 random bits) and the cookie value that binds it to this browser. */
export function createLoginState({
  idpId,
  returnTo,
  secret,
  now = Date.now(),
}: {
  idpId: string;
  returnTo: LoginReturnTo;
  secret: string;
  now?: number;
}) {
  const value: LoginState = {
    state: randomBytes(32).toString("base64url"),
    idpId,
    returnTo,
    expiresAt: now + STATE_TTL_MS,
  };
  const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
  return { value, cookie: `${payload}.${sign(payload, secret).toString("base64url")}` };
}

/** The cookie's content when its signature is ours (expired or not); null otherwise. */
export function readLoginState(cookie: string | undefined, secret: string): LoginState | null {
  const [payload, signature, extra] = (cookie ?? "").split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!equal(Buffer.from(signature, "base64url"), sign(payload, secret))) return null;
  try {
    const parsed = ZLoginState.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers used states until they expire, so one cannot be used twice in this process. */
export class StateLedger {
  private readonly used = new Map<string, number>();

  /** False when the state was already used. */
  consume(state: string, expiresAt: number, now = Date.now()): boolean {
    for (const [s, until] of this.used) if (until <= now) this.used.delete(s);
    if (this.used.has(state)) return false;
    this.used.set(state, expiresAt);
    return true;
  }
}

export const stateLedger = new StateLedger();

type CheckOptions = { idpId: string; state: string | undefined; now?: number; ledger?: StateLedger };

/** Accepts DingTalk's returned state or throws state_invalid; a checked state is spent. */
export function checkLoginState(
  saved: LoginState | null,
  { idpId, state, now = Date.now(), ledger = stateLedger }: CheckOptions,
): LoginState {
  const refuse = () => new SsoRefusal("state_invalid");
  if (!saved || !state || saved.idpId !== idpId || saved.expiresAt <= now) throw refuse();
  if (!equal(Buffer.from(state), Buffer.from(saved.state))) throw refuse();
  if (!ledger.consume(saved.state, saved.expiresAt, now)) throw refuse();
  return saved;
}
