import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ZLoginReturnTo, type LoginReturnTo } from "@/lib/schemas/sso";
import type { Db } from "../prisma-client";
import { SsoRefusal } from "./refusal";

// The OAuth `state` of a QR login. The start route sends a random value to DingTalk and
// keeps it in a signed, httpOnly, SameSite=Lax cookie; the callback accepts DingTalk's
// answer only when the query's state equals the cookie's, the cookie was made for this
// IdP, has not expired and has not been used (in any console process: the used ones are in the
// database). So a callback URL replayed, forged or
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

/** Used states are kept this long past their expiry, so a process whose clock runs behind still finds them. */
const KEEP_AFTER_EXPIRY_MS = 5 * 60_000;
/** How often a process deletes the used states past keeping. */
const SWEEP_INTERVAL_MS = 60_000;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * Remembers used states until they expire, in the database (UsedSsoState), so a state spent
 * through one console process is refused by every other: spending is an insert of the state's
 * hash, and the primary key lets exactly one insert win.
 */
export class StateLedger {
  private lastSweep = 0;

  constructor(private readonly db: Db) {}

  /** False when the state was already used. */
  async consume(state: string, expiresAt: number, now = Date.now()): Promise<boolean> {
    await this.sweep(now);
    const id = createHash("sha256").update(state).digest("base64url");
    try {
      await this.db.usedSsoState.create({ data: { id, expiresAt: new Date(expiresAt) } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    await this.db.usedSsoState.deleteMany({ where: { expiresAt: { lt: new Date(now - KEEP_AFTER_EXPIRY_MS) } } });
  }
}

// One ledger per client, so its sweeps are spaced out; the used states themselves are in the database.
const ledgers = new WeakMap<Db, StateLedger>();

/** The ledger over this database client. */
export function stateLedger(db: Db): StateLedger {
  let ledger = ledgers.get(db);
  if (!ledger) ledgers.set(db, (ledger = new StateLedger(db)));
  return ledger;
}

type CheckOptions = { idpId: string; state: string | undefined; ledger: StateLedger; now?: number };

/** Accepts DingTalk's returned state or throws state_invalid; a checked state is spent, in every process. */
export async function checkLoginState(
  saved: LoginState | null,
  { idpId, state, ledger, now = Date.now() }: CheckOptions,
): Promise<LoginState> {
  const refuse = () => new SsoRefusal("state_invalid");
  if (!saved || !state || saved.idpId !== idpId || saved.expiresAt <= now) throw refuse();
  if (!equal(Buffer.from(state), Buffer.from(saved.state))) throw refuse();
  if (!(await ledger.consume(saved.state, saved.expiresAt, now))) throw refuse();
  return saved;
}
