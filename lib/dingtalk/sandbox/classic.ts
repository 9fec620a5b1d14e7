// The classic API pipeline: token -> IP list -> quota -> rate limit -> faults -> scope -> rule.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLASSIC_ROUTES } from "./classic-routes";
import type { AppRef, SandboxContext } from "./context";
import type { CorpRuntime } from "./faults";
import { page, parseBody, readBody, sendHtml, sendJson } from "./http-util";
import { randomToken } from "./ids";
import { ApiFailure } from "./types";

const BAN_PAGE = page(
  "Access denied",
  "<h1>Access denied</h1><p>Your IP address has been blocked (punish: deny) because of too many requests. Please try again in 5 minutes.</p>",
);

function answer(res: ServerResponse, errcode: number, errmsg: string, extra: Record<string, unknown> = {}): void {
  sendJson(res, 200, { errcode, errmsg, ...extra, request_id: randomToken(8) });
}

function fail(res: ServerResponse, runtime: CorpRuntime, path: string, failure: ApiFailure): void {
  const sub = failure.subCode === undefined ? {} : { sub_code: String(failure.subCode), sub_msg: failure.errmsg };
  runtime.record(
    path,
    failure.subCode === undefined ? String(failure.errcode) : `${failure.errcode}/${failure.subCode}`,
  );
  answer(res, failure.errcode, failure.subCode === undefined ? failure.errmsg : "see sub_code", sub);
}

/** Answers an injected fault; true when the call is done (or stalled on purpose). */
function injectFault(res: ServerResponse, runtime: CorpRuntime, path: string): boolean {
  const fault = runtime.pickFault();
  if (fault === null) return false;
  runtime.record(path, String(fault));
  if (typeof fault === "number") answer(res, fault, fault === -1 ? "system busy" : "injected fault");
  else if (fault === "http502") sendHtml(res, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
  else if (fault === "html") sendHtml(res, 403, BAN_PAGE);
  else if (fault === "ipban") sendJson(res, 200, { status: 1111, wait: 5, punish: "deny" });
  // "stall": never answer; the client's timeout ends it, or the server's close.
  return true;
}

function remoteIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
}

function authenticate(ctx: SandboxContext, path: string, url: URL): AppRef {
  if (path !== "/gettoken") return ctx.resolveToken(url.searchParams.get("access_token"));
  const ref = ctx.findApp(url.searchParams.get("appkey") ?? "");
  if (!ref || ref.app.appSecret !== url.searchParams.get("appsecret"))
    throw new ApiFailure(40089, "invalid appkey or appsecret");
  return ref;
}

export async function handleClassic(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const route = CLASSIC_ROUTES[path];
  if (!route && path !== "/gettoken") {
    ctx.orphanCalls.record(path, "404");
    sendJson(res, 404, { errcode: 404, errmsg: "the requested URI does not exist" });
    return;
  }
  const text = await readBody(req);
  let ref: AppRef;
  try {
    ref = authenticate(ctx, path, url);
  } catch (err) {
    if (err instanceof ApiFailure) return fail(res, ctx.orphanCalls, path, err);
    throw err;
  }
  const { corp, app } = ref;
  const runtime = ctx.runtime(corp.corpId);
  if (runtime.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, runtime.faults.latencyMs));
  try {
    if (app.allowedIps && !app.allowedIps.includes(remoteIp(req))) {
      throw new ApiFailure(60020, `the caller IP ${remoteIp(req)} is not in the app's allowed IP list`);
    }
    if (path !== "/gettoken" && !runtime.takeQuota()) throw new ApiFailure(90020, "the monthly call quota is used up");
    if (!runtime.takeRate(app.appKey)) throw new ApiFailure(90018, "too many calls per second for this app");
    if (injectFault(res, runtime, path)) return;
    if (path === "/gettoken") {
      const { token, expiresIn } = ctx.issueToken(ref);
      runtime.record(path, "0");
      return answer(res, 0, "ok", { access_token: token, expires_in: expiresIn });
    }
    if (!route) return;
    if (route.scope && !app.scopes.includes(route.scope)) {
      throw new ApiFailure(88, `no permission: the app needs ${route.scope}`, 60011);
    }
    const body = parseBody(text, req.headers["content-type"]);
    if (!body) throw new ApiFailure(40035, "invalid parameter: the body is not a JSON object");
    const result = route.handle({ ctx, corp, app, body });
    if (route.write) ctx.changed();
    runtime.record(path, "0");
    answer(res, 0, "ok", result);
  } catch (err) {
    if (err instanceof ApiFailure) return fail(res, runtime, path, err);
    throw err;
  }
}
