import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameOriginRedirect } from "@/lib/safe-redirect";
import { ZSignInSchema } from "@/lib/schemas/sign-in";
import { writeAudit } from "./audit";
import { loadConfig } from "./config";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { isLockedOut, recordAttempt } from "./sign-in-guard";

export const authOptions: NextAuthOptions = {
  secret: loadConfig().nextAuthSecret,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // next-auth's own error redirects (a DingTalk flow gone wrong outside our routes) land on a translated page.
  pages: { signIn: "/login", error: "/portal/login" },
  providers: [
    CredentialsProvider({
      name: "Password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = ZSignInSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid_credentials");
        const { email, password } = parsed.data;
        if (await isLockedOut(db, email)) {
          await writeAudit(db, {
            actor: "system",
            action: "auth.sign_in_refused",
            details: { email, reason: "locked_out" },
          });
          throw new Error("locked_out");
        }
        const admin = await db.admin.findUnique({ where: { email } });
        // Compare even when the admin is unknown, so timing does not reveal which e-mails exist.
        const ok = await verifyPassword(
          password,
          admin?.passwordHash ?? "$2b$12$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva",
        );
        await recordAttempt(db, email, ok && !!admin);
        if (!admin || !ok) {
          await writeAudit(db, { actor: "system", action: "auth.sign_in_failed", details: { email } });
          throw new Error("invalid_credentials");
        }
        await db.admin.update({ where: { id: admin.id }, data: { lastSignInAt: new Date() } });
        await writeAudit(db, { actor: { id: admin.id, email: admin.email }, action: "auth.sign_in" });
        return { id: admin.id, email: admin.email, name: admin.name, kind: "admin" };
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
