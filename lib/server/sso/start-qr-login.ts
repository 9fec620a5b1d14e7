import type { NextRequest } from "next/server";
import { ZLoginReturnTo } from "@/lib/schemas/sso";
import { loadConfig } from "../config";
import { db } from "../db";
import { idpClient } from "../idp/client";
import { loadLoginIdp } from "./login-idps";
import { refusalPath, toRefusal } from "./refusal";
import { createLoginState } from "./state";
import { redirectResponse, setStateCookie } from "./state-cookie";
import { qrCallbackUrl } from "./urls";

/**
 * GET /api/sso/dingtalk/<idpId>/start?to=console|portal: a fresh state in this browser's
 * cookie, then DingTalk's login page (client_id = AppKey, scope openid, prompt consent,
 * redirect_uri under the callback domain). A plain link, so the button needs no script.
 */
export async function startQrLogin(req: NextRequest, idpId: string): Promise<Response> {
  const returnTo = ZLoginReturnTo.parse(req.nextUrl.searchParams.get("to"));
  try {
    const idp = await loadLoginIdp(db, idpId, { qr: true });
    const { value, cookie } = createLoginState({ idpId: idp.id, returnTo, secret: loadConfig().nextAuthSecret });
    const url = idpClient(idp).buildLoginUrl({ redirectUri: qrCallbackUrl(idp.id), state: value.state });
    return redirectResponse(url, [setStateCookie(cookie)]);
  } catch (err) {
    // Nothing was attempted yet (no audit entry): the page names why the button does not work.
    return redirectResponse(refusalPath(toRefusal(err), returnTo));
  }
}
