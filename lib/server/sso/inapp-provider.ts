import type { User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { DingTalkClient } from "@/lib/dingtalk";
import { ZInAppSignInSchema } from "@/lib/schemas/sso";
import { clientIp } from "../client-ip";
import { db } from "../db";
import { idpClient } from "../idp/client";
import type { Db } from "../prisma-client";
import { auditRateLimited, signInLimits, type SignInLimits } from "../rate-limit";
import { loadLoginIdp, type LoginIdp } from "./login-idps";
import { identityToUser, recordRefusal } from "./record";
import { SsoRefusal, toRefusal } from "./refusal";
import { resolveBoundAccount } from "./resolve-account";
import { INAPP_PROVIDER_ID } from "./urls";

export type InAppSignInDeps = {
  db: Db;
  limits: SignInLimits;
  /** The IdP's DingTalk client; tests pass the sandbox's. */
  clientFor?: (idp: LoginIdp) => DingTalkClient;
};

/**
 * One in-app sign-in: the client IP's limit before anything else, the IdP (enabled, in-app SSO
 * on), the IdP's limit before DingTalk is asked (each code is a getuserinfo call from the app's
 * budget), then the userid's binding. Refusals are audited; rate-limit refusals once a window.
 */
export async function authorizeInApp(deps: InAppSignInDeps, credentials: unknown, ip: string): Promise<User> {
  const { db, limits, clientFor = idpClient } = deps;
  const input = ZInAppSignInSchema.safeParse(credentials);
  if (!input.success) throw new SsoRefusal("code_invalid");
  const { idpId, code } = input.data;
  const refused = async (err: unknown) => {
    const refusal = toRefusal(err);
    await recordRefusal(db, refusal, { method: "dingtalk_inapp", idpId });
    return refusal;
  };

  const byIp = await limits.take(["inAppPerIp", ip]);
  if (!byIp.ok) {
    await auditRateLimited(db, byIp, { method: "dingtalk_inapp", ip });
    throw new SsoRefusal("rate_limited");
  }
  const idp = await loadLoginIdp(db, idpId, { qr: false }).catch(async (err) => Promise.reject(await refused(err)));
  if (!idp.inAppSso) throw await refused(new SsoRefusal("inapp_off"));
  const byIdp = await limits.take(["inAppPerIdp", idp.id]);
  if (!byIdp.ok) {
    await auditRateLimited(db, byIdp, { method: "dingtalk_inapp", idpId, ip });
    throw new SsoRefusal("rate_limited");
  }
  try {
    const { userid } = await clientFor(idp).getUserInfoByCode(code);
    return identityToUser(await resolveBoundAccount(db, { idpId: idp.id, userid }));
  } catch (err) {
    throw await refused(err);
  }
}

/**
 * In-app SSO: the home page inside DingTalk posts the JSAPI's code (with next-auth's CSRF
 * token); topapi/v2/user/getuserinfo names the userid, the binding names the account. A
 * refusal's code travels back to the page as next-auth's `error`.
 */
export function inAppProvider() {
  return CredentialsProvider({
    id: INAPP_PROVIDER_ID,
    name: "DingTalk (in-app)",
    credentials: { idpId: { type: "text" }, code: { type: "text" } },
    authorize(credentials, req) {
      return authorizeInApp({ db, limits: signInLimits(db) }, credentials, clientIp(req?.headers));
    },
  });
}
