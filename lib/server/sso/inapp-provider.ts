import CredentialsProvider from "next-auth/providers/credentials";
import { ZInAppSignInSchema } from "@/lib/schemas/sso";
import { db } from "../db";
import { idpClient } from "../idp/client";
import { loadLoginIdp } from "./login-idps";
import { identityToUser, recordRefusal } from "./record";
import { SsoRefusal, toRefusal } from "./refusal";
import { resolveBoundAccount } from "./resolve-account";
import { INAPP_PROVIDER_ID } from "./urls";

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
    async authorize(credentials) {
      const input = ZInAppSignInSchema.safeParse(credentials);
      if (!input.success) throw new SsoRefusal("code_invalid");
      const { idpId, code } = input.data;
      try {
        const idp = await loadLoginIdp(db, idpId, { qr: false });
        const { userid } = await idpClient(idp).getUserInfoByCode(code);
        return identityToUser(await resolveBoundAccount(db, { idpId: idp.id, userid }));
      } catch (err) {
        const refusal = toRefusal(err);
        await recordRefusal(db, refusal, { method: "dingtalk_inapp", idpId });
        throw refusal;
      }
    },
  });
}
