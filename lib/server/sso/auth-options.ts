import type { NextAuthOptions } from "next-auth";
import { authOptions } from "../auth-options";
import { db } from "../db";
import { inAppProvider } from "./inapp-provider";
import { listQrLoginIdps } from "./login-idps";
import type { QrCallbackFlow } from "./qr-flow";
import { qrProvider } from "./qr-provider";
import { recordSignIn } from "./record";
import { parseRefusal } from "@/lib/schemas/sso";
import { INAPP_PROVIDER_ID, isDingTalkProvider } from "./urls";

// Refusals are expected (an unbound user, a replayed link): one line, not a stack trace.
const logger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
    const message = error instanceof Error ? error.message : "";
    if (parseRefusal(message)) console.info(`[auth] DingTalk sign-in refused: ${message}`);
    else console.error(`[auth] ${code}`, error instanceof Error ? error : "");
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};

/**
 * The next-auth options of one request: the password provider, in-app SSO, and one QR
 * provider per IdP with "DingTalk QR code login" on. The IdP list lives in the database, so it
 * is read here for every /api/auth request; an IdP switched off has no provider at once.
 */
export async function buildAuthOptions(
  flow: QrCallbackFlow | null,
): Promise<NextAuthOptions & { providers: { id: string }[] }> {
  const idps = await listQrLoginIdps(db);
  return {
    ...authOptions,
    logger,
    providers: [...authOptions.providers, inAppProvider(), ...idps.map((idp) => qrProvider(idp, flow))],
    events: {
      async signIn({ user, account }) {
        if (!isDingTalkProvider(account?.provider)) return;
        await recordSignIn(db, user, account?.provider === INAPP_PROVIDER_ID ? "dingtalk_inapp" : "dingtalk_qr");
        if (flow && account?.provider === flow.providerId && user.kind) flow.signedIn(user.kind);
      },
    },
  };
}
