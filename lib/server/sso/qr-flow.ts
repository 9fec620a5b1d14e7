import type { NextRequest } from "next/server";
import { loadConfig } from "../config";
import { db } from "../db";
import { recordRefusal } from "./record";
import { refusalPath, SsoRefusal, toRefusal } from "./refusal";
import { checkLoginState, readLoginState, stateLedger, type LoginState } from "./state";
import { clearStateCookie, redirectResponse, stateCookieName } from "./state-cookie";
import { INAPP_PROVIDER_ID, qrProviderId } from "./urls";

const CALLBACK = /^\/api\/auth\/callback\/(dingtalk-[A-Za-z0-9_-]{1,64})$/;

/**
 * One QR login callback (/api/auth/callback/dingtalk-<idpId>), for the length of its request.
 * next-auth runs the provider and writes the session cookie; this object holds the request's
 * state cookie for the provider to check, keeps the reason when a step refuses, and decides
 * where the browser lands: the portal or the console when signed in, a page naming the
 * reason when refused. Never a half session: a refused callback returns no session cookie.
 */
export class QrCallbackFlow {
  private refusal: SsoRefusal | null = null;
  private signedInAs: "admin" | "account" | null = null;

  private constructor(
    readonly idpId: string,
    private readonly saved: LoginState | null,
    /** DingTalk's answer, read here: next-auth's parser keeps OAuth's `code` and drops `authCode`. */
    readonly answer: { state: string | null; authCode: string | null },
  ) {}

  static fromRequest(req: NextRequest): QrCallbackFlow | null {
    const providerId = CALLBACK.exec(req.nextUrl.pathname)?.[1];
    if (!providerId || providerId === INAPP_PROVIDER_ID) return null;
    const saved = readLoginState(req.cookies.get(stateCookieName())?.value, loadConfig().nextAuthSecret);
    const query = req.nextUrl.searchParams;
    const answer = { state: query.get("state"), authCode: query.get("authCode") ?? query.get("code") };
    return new QrCallbackFlow(providerId.slice("dingtalk-".length), saved, answer);
  }

  get providerId(): string {
    return qrProviderId(this.idpId);
  }

  /** Where the login was started from, when the cookie says so for this IdP. */
  private get returnTo(): "console" | "portal" {
    return this.saved?.idpId === this.idpId ? this.saved.returnTo : "portal";
  }

  /** DingTalk's authCode once the returned state is the one this browser was sent with (once); else state_invalid. */
  async checkedAuthCode(): Promise<string> {
    await checkLoginState(this.saved, {
      idpId: this.idpId,
      state: this.answer.state ?? undefined,
      ledger: stateLedger(db),
    });
    const code = this.answer.authCode;
    if (!code || code.length > 200) throw new SsoRefusal("code_invalid");
    return code;
  }

  /** Runs a step of the callback; its failure becomes the refusal finish() names. */
  async step<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      await this.refuse(toRefusal(err));
      throw this.refusal;
    }
  }

  async refuse(refusal: SsoRefusal): Promise<void> {
    if (this.refusal) return;
    this.refusal = refusal;
    await recordRefusal(db, refusal, { method: "dingtalk_qr", idpId: this.idpId });
  }

  /** Called from next-auth's signIn event: the session cookie is in the response. */
  signedIn(kind: "admin" | "account"): void {
    this.signedInAs = kind;
  }

  /** The browser's next stop; next-auth's cookies (the session) are kept only when signed in. */
  async finish(response: Response | null): Promise<Response> {
    if (this.signedInAs && !this.refusal && response) {
      const home = this.signedInAs === "admin" && this.returnTo === "console" ? "/" : "/portal";
      return redirectResponse(home, [...response.headers.getSetCookie(), clearStateCookie()]);
    }
    if (!this.refusal) await this.refuse(new SsoRefusal("failed"));
    return redirectResponse(refusalPath(this.refusal ?? new SsoRefusal("failed"), this.returnTo), [clearStateCookie()]);
  }
}
