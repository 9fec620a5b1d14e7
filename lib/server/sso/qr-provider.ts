import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "../db";
import { idpClient } from "../idp/client";
import type { LoginIdp } from "./login-idps";
import type { QrCallbackFlow } from "./qr-flow";
import { identityToUser } from "./record";
import { SsoRefusal } from "./refusal";
import { resolveUnionId, type SignInIdentity } from "./resolve-account";
import { publicBaseUrl, qrProviderId, qrStartPath } from "./urls";

function trimmed(base: string): string {
  return base.replace(/\/+$/, "");
}

/**
 * The next-auth provider of one IdP's QR login, built per request from its database row.
 * The steps follow shared/DINGTALK.md: the state check (ours, see state.ts; next-auth's own
 * checks are off because DingTalk answers with `authCode`, not `code`), authCode ->
 * userAccessToken, contact/users/me -> unionId -> getbyunionid -> userid -> binding -> account.
 * The AppSecret stays sealed in the row: only idpClient() opens it, on the server.
 */
export function qrProvider(idp: LoginIdp, flow: QrCallbackFlow | null): OAuthConfig<SignInIdentity> {
  const current = (): QrCallbackFlow => {
    if (!flow || flow.idpId !== idp.id) throw new SsoRefusal("state_invalid");
    return flow;
  };
  return {
    id: qrProviderId(idp.id),
    name: `DingTalk (${idp.displayName})`,
    type: "oauth",
    checks: ["none"],
    clientId: idp.appKey,
    client: { token_endpoint_auth_method: "none" },
    // next-auth's own sign-in entry (POST /api/auth/signin/<id>) goes through our start route too.
    authorization: { url: `${publicBaseUrl()}${qrStartPath(idp.id, "portal")}`, params: {} },
    token: {
      url: `${trimmed(idp.v1BaseUrl)}/v1.0/oauth2/userAccessToken`,
      request: () => {
        const f = current();
        return f.step(async () => {
          const token = await idpClient(idp).getUserAccessToken(await f.checkedAuthCode());
          return { tokens: { access_token: token.accessToken, token_type: "bearer" } };
        });
      },
    },
    userinfo: {
      url: `${trimmed(idp.v1BaseUrl)}/v1.0/contact/users/me`,
      request: ({ tokens }) =>
        current().step(async () => {
          const client = idpClient(idp);
          const me = await client.getContactUserMe(tokens.access_token ?? "");
          return (await resolveUnionId(db, client, { idpId: idp.id, unionId: me.unionId })) as Profile;
        }),
    },
    profile: (identity) => identityToUser(identity),
  };
}
