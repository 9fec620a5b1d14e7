import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameOriginRedirect } from "@/lib/safe-redirect";
import { clientIp } from "./client-ip";
import { loadConfig } from "./config";
import { db } from "./db";
import { authorizePassword } from "./password-sign-in";
import { verifyNobody, verifyPassword } from "./passwords";
import { signInLimits } from "./rate-limit";
import { signInLockout } from "./sign-in-guard";

export const authOptions: NextAuthOptions = {
  secret: loadConfig().nextAuthSecret,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // next-auth's own error redirects (a DingTalk flow gone wrong outside our routes) land on a translated page.
  pages: { signIn: "/login", error: "/portal/login" },
  providers: [
    CredentialsProvider({
      name: "Password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const deps = { db, limits: signInLimits(db), lockout: signInLockout(db), verifyPassword, verifyNobody };
        return authorizePassword(deps, credentials, clientIp(req?.headers));
      },
    }),
  ],
  callbacks: {
    // A callbackUrl is the client's to choose: only our own origin (issue 14), for every provider.
    async redirect(params) {
      return sameOriginRedirect(params);
    },
    // The kind decides what a session may open: only "admin" reaches the console (lib/server/auth.ts);
    // a user without one (never issued) reaches nothing.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.kind = user.kind;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.kind = token.kind;
      }
      return session;
    },
  },
};
