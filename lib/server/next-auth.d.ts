import type { DefaultSession } from "next-auth";

/** "admin": the console (password, or DingTalk for an administrator linked to an account); "account": the portal only. */
type SessionKind = "admin" | "account";

declare module "next-auth" {
  interface Session {
    user: { id: string; kind?: SessionKind } & DefaultSession["user"];
  }
  interface User {
    kind?: SessionKind;
    /** Set by DingTalk sign-ins: the account, the IdP and the DingTalk userid it came through. */
    dingtalk?: { accountId: string; idpId: string; userid: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    kind?: SessionKind;
  }
}
