import type { User } from "next-auth";
import { writeAudit } from "../audit";
import type { Db } from "../prisma-client";
import type { SsoRefusal } from "./refusal";
import type { SignInIdentity } from "./resolve-account";

export type SsoMethod = "dingtalk_qr" | "dingtalk_inapp";

/** The next-auth user of an identity: the JWT keeps kind and subject, nothing from DingTalk's tokens. */
export function identityToUser(identity: SignInIdentity): User {
  return {
    id: identity.subjectId,
    name: identity.name,
    email: identity.email,
    kind: identity.kind,
    dingtalk: { accountId: identity.accountId, idpId: identity.idpId, userid: identity.userid },
  };
}

/** A DingTalk sign-in in the audit log (and an administrator's last sign-in time). */
export async function recordSignIn(db: Db, user: User, method: SsoMethod): Promise<void> {
  const details = { method, idpId: user.dingtalk?.idpId, userid: user.dingtalk?.userid };
  if (user.kind === "admin") {
    const admin = await db.admin.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(db, { actor: { id: admin.id, email: admin.email }, action: "auth.sign_in", details });
    return;
  }
  await writeAudit(db, {
    actor: "system",
    action: "portal.sign_in",
    targetType: "account",
    targetId: user.id,
    details,
  });
}

export async function recordRefusal(
  db: Db,
  refusal: SsoRefusal,
  details: { method: SsoMethod; idpId: string },
): Promise<void> {
  await writeAudit(db, {
    actor: "system",
    action: "auth.sign_in_refused",
    details: { ...details, reason: refusal.code, dingtalk: refusal.dingtalkKey },
  });
}
