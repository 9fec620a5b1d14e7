// QR login: /oauth2/auth (the "scan as" page), /v1.0/oauth2/userAccessToken, /v1.0/contact/users/me.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "./context";
import { escapeHtml, page, parseBody, readBody, redirect, sendHtml, sendJson } from "./http-util";
import { randomToken } from "./ids";

const USER_TOKEN_TTL_S = 7200;

const TOKEN_PATH = "/v1.0/oauth2/userAccessToken";
const ME_PATH = "/v1.0/contact/users/me";

function v1Error(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { code, message, requestid: randomToken(8) });
}

/** Counts a v1 call under its corp (or as unattributed) by HTTP status. */
function record(ctx: SandboxContext, corpId: string | undefined, path: string, status: number): void {
  (corpId ? ctx.runtime(corpId) : ctx.orphanCalls).record(path, `http_${status}`);
}

function validRedirect(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function loginPage(ctx: SandboxContext, params: URLSearchParams): { status: number; html: string } {
  const ref = ctx.findApp(params.get("client_id") ?? "");
  const target = validRedirect(params.get("redirect_uri") ?? "");
  if (!ref || !target) return { status: 400, html: page("Login error", "<h1>Invalid client_id or redirect_uri</h1>") };
  const { corp, app } = ref;
  const hidden = ["client_id", "redirect_uri", "state"]
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) ?? "")}">`)
    .join("");
  const rows = Object.values(corp.users)
    .filter((u) => u.active && ctx.userInScope(corp, app, u))
    .sort((a, b) => a.seq - b.seq)
    .map(
      (u) =>
        `<li><form method="post" action="/oauth2/auth/scan">${hidden}<input type="hidden" name="userid" value="${escapeHtml(u.userid)}">` +
        `<button type="submit" data-userid="${escapeHtml(u.userid)}">Scan as ${escapeHtml(u.name)}</button> ` +
        `<span class="muted">${escapeHtml(u.userid)} ${escapeHtml(u.email ?? "")}</span></form></li>`,
    )
    .join("");
  const html = `<h1>DingTalk sandbox login</h1><p>Corp <b>${escapeHtml(corp.corpId)}</b>, app <b>${escapeHtml(app.appKey)}</b>. Choose who scans the QR code:</p><ul>${rows}</ul>`;
  return { status: 200, html: page("DingTalk sandbox login", html) };
}

async function scan(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const form =
    req.method === "POST"
      ? (parseBody(await readBody(req), req.headers["content-type"]) ?? {})
      : Object.fromEntries(url.searchParams);
  const get = (k: string) => (typeof form[k] === "string" ? form[k] : "");
  const ref = ctx.findApp(get("client_id"));
  const target = validRedirect(get("redirect_uri"));
  const user = ref?.corp.users[get("userid")];
  if (!ref || !target || !user) return sendHtml(res, 400, page("Login error", "<h1>Invalid login request</h1>"));
  const code = ctx.issueCode({ corpId: ref.corp.corpId, userid: user.userid, appKey: ref.app.appKey, kind: "qr" });
  target.searchParams.set("authCode", code);
  target.searchParams.set("state", get("state"));
  redirect(res, target.toString());
}

async function userAccessToken(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = parseBody(await readBody(req), req.headers["content-type"]) ?? {};
  const ref = typeof body.clientId === "string" ? ctx.findApp(body.clientId) : undefined;
  const corpId = ref?.corp.corpId;
  const reject = (code: string, message: string) => {
    record(ctx, corpId, TOKEN_PATH, 400);
    v1Error(res, 400, code, message);
  };
  if (!ref || ref.app.appSecret !== body.clientSecret)
    return reject("invalidClientIdOrSecret", "clientId or clientSecret is invalid");
  if (body.grantType !== "authorization_code")
    return reject("invalidParameter.grantType", "grantType must be authorization_code");
  const code = typeof body.code === "string" ? ctx.consumeCode(body.code, "qr") : undefined;
  if (!code || code.appKey !== ref.app.appKey)
    return reject("invalidAuthCode", "the authCode is invalid, expired or used");
  record(ctx, corpId, TOKEN_PATH, 200);
  const accessToken = randomToken();
  ctx.state.userTokens[accessToken] = {
    corpId: code.corpId,
    userid: code.userid,
    expiresAt: Date.now() + USER_TOKEN_TTL_S * 1000,
  };
  ctx.changed();
  sendJson(res, 200, { accessToken, expireIn: USER_TOKEN_TTL_S, refreshToken: randomToken(), corpId: code.corpId });
}

function contactMe(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): void {
  const header = req.headers["x-acs-dingtalk-access-token"];
  const token = typeof header === "string" ? ctx.state.userTokens[header] : undefined;
  if (!token || token.expiresAt <= Date.now()) {
    record(ctx, undefined, ME_PATH, 401);
    return v1Error(res, 401, "InvalidAuthentication", "the access token is invalid or expired");
  }
  const user = ctx.corp(token.corpId)?.users[token.userid];
  record(ctx, token.corpId, ME_PATH, user ? 200 : 404);
  if (!user) return v1Error(res, 404, "userNotFound", "the user no longer exists");
  const stateCode = user.mobile?.startsWith("+") ? user.mobile.slice(1).split("-")[0] : "86";
  sendJson(res, 200, {
    nick: user.name,
    unionId: user.unionid,
    openId: user.openid,
    mobile: user.mobile?.replace(/^\+\d+-/, ""),
    stateCode,
    email: user.email,
    avatarUrl: "",
  });
}

/** Answers login and v1 paths; false when the path is not one of them. */
export async function handleOauth(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  if (route === "GET /oauth2/auth") {
    const { status, html } = loginPage(ctx, url.searchParams);
    sendHtml(res, status, html);
  } else if (url.pathname === "/oauth2/auth/scan") await scan(ctx, req, res, url);
  else if (route === `POST ${TOKEN_PATH}`) await userAccessToken(ctx, req, res);
  else if (route === `GET ${ME_PATH}`) contactMe(ctx, req, res);
  else if (url.pathname.startsWith("/v1.0/")) v1Error(res, 404, "notFound", "the requested API does not exist");
  else return false;
  return true;
}
