import type { IdpConnection } from "../idp/client";
import type { Db } from "../prisma-client";
import { SsoRefusal } from "./refusal";
import { qrStartPath } from "./urls";

export type LoginIdp = IdpConnection & { displayName: string; status: string; qrLogin: boolean; inAppSso: boolean };

const select = {
  id: true,
  displayName: true,
  corpId: true,
  appKey: true,
  appSecretEncrypted: true,
  apiBaseUrl: true,
  v1BaseUrl: true,
  loginBaseUrl: true,
  updatedAt: true,
  status: true,
  qrLogin: true,
  inAppSso: true,
} as const;

/** IdPs whose "DingTalk QR code login" is on: enabled, with the switch on. Read per request. */
export function listQrLoginIdps(db: Db): Promise<LoginIdp[]> {
  return db.identityProvider.findMany({
    where: { type: "dingtalk", status: "enabled", qrLogin: true },
    select,
    orderBy: { displayName: "asc" },
  });
}

/** An IdP that may sign people in now (QR login also needs its switch on), or idp_unavailable. */
export async function loadLoginIdp(db: Db, idpId: string, { qr }: { qr: boolean }): Promise<LoginIdp> {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId }, select });
  if (!idp || idp.status !== "enabled" || (qr && !idp.qrLogin)) throw new SsoRefusal("idp_unavailable");
  return idp;
}

/** The login pages' DingTalk buttons: a name and the start route; nothing else reaches the page. */
export async function qrLoginButtons(db: Db, to: "console" | "portal") {
  return (await listQrLoginIdps(db)).map((idp) => ({
    id: idp.id,
    name: idp.displayName,
    href: qrStartPath(idp.id, to),
  }));
}
