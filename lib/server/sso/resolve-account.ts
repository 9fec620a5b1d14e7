import { isDingTalkError, type DingTalkClient } from "@/lib/dingtalk";
import type { Db } from "../prisma-client";
import { SsoRefusal, toRefusal } from "./refusal";

/** Who a DingTalk sign-in opens a session for. */
export type SignInIdentity = {
  /** "admin" when an administrator is linked to the account: console access; else the portal only. */
  kind: "admin" | "account";
  /** The session's subject: the administrator's id for "admin", the account's id for "account". */
  subjectId: string;
  accountId: string;
  name: string;
  email: string | null;
  idpId: string;
  /** The DingTalk userid the binding maps to the account. */
  userid: string;
};

/** The account bound to this DingTalk userid for this IdP (sync writes the binding), or a refusal. */
export async function resolveBoundAccount(
  db: Db,
  { idpId, userid }: { idpId: string; userid: string },
): Promise<SignInIdentity> {
  const binding = await db.binding.findUnique({
    where: { idpId_objectType_remoteId: { idpId, objectType: "user", remoteId: userid } },
    select: { localId: true },
  });
  const account = binding
    ? await db.account.findUnique({
        where: { id: binding.localId },
        select: {
          id: true,
          displayName: true,
          email: true,
          status: true,
          admin: { select: { id: true, email: true } },
        },
      })
    : null;
  if (!account) throw new SsoRefusal("unbound");
  if (account.status !== "enabled") throw new SsoRefusal("account_disabled");
  const base = { accountId: account.id, name: account.displayName, idpId, userid };
  return account.admin
    ? { ...base, kind: "admin", subjectId: account.admin.id, email: account.admin.email }
    : { ...base, kind: "account", subjectId: account.id, email: account.email };
}

/** QR login: DingTalk names the person by unionId; the corp's userid comes from getbyunionid. */
export async function resolveUnionId(
  db: Db,
  client: Pick<DingTalkClient, "getUseridByUnionid">,
  { idpId, unionId }: { idpId: string; unionId: string },
): Promise<SignInIdentity> {
  let userid: string;
  try {
    userid = await client.getUseridByUnionid(unionId);
  } catch (err) {
    // Not a member of this corp (60121): a DingTalk user the directory does not know.
    if (isDingTalkError(err) && err.kind === "not_found") throw new SsoRefusal("unbound");
    throw toRefusal(err);
  }
  return resolveBoundAccount(db, { idpId, userid });
}
