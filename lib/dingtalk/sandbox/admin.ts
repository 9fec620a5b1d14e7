// The admin surface under /_sandbox, for tests and people.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { FORM_PATHS, handleAdminForm, showAdminPage } from "./admin-forms";
import { isLocalHost } from "./form-guard";
import type { SandboxContext } from "./context";
import { ZFaultsInput } from "./faults";
import { parseBody, readBody, sendJson } from "./http-util";
import { launch, LAUNCH_PATH } from "./launcher";
import { departmentToWire } from "./rules-departments";
import { createRobot, listRobots } from "./robot";
import { userToWire } from "./rules-users";
import { createSeedState, emptyCorp, SEED_CORP_ID, seedDirectory } from "./seed";
import { ALL_SCOPES } from "./types";

const ZAppInput = z.object({
  corpId: z.string().min(1).max(64),
  appKey: z.string().min(1).max(64),
  appSecret: z.string().min(1).max(128),
  scopes: z.array(z.string()).optional(),
  authedDept: z.array(z.number().int()).optional(),
  allowedIps: z.array(z.string()).optional(),
  corpName: z.string().min(1).max(64).optional(),
});
const ZCorpRef = z.object({ corpId: z.string().optional() });
const ZSsoInput = z.object({ corpId: z.string(), userid: z.string() });

type Handler = (ctx: SandboxContext, body: Record<string, unknown>, url: URL) => { status: number; body: unknown };

const bad = (message: string) => ({ status: 400, body: { error: message } });
const ok = (body: unknown) => ({ status: 200, body });

function createApp(ctx: SandboxContext, raw: Record<string, unknown>) {
  const input = ZAppInput.safeParse(raw);
  if (!input.success) return bad(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { corpId, appKey, appSecret, corpName } = input.data;
  const owner = ctx.findApp(appKey);
  if (owner && owner.corp.corpId !== corpId)
    return { status: 409, body: { error: `appKey ${appKey} belongs to corp ${owner.corp.corpId}` } };
  let corp = ctx.corp(corpId);
  if (!corp) {
    corp = emptyCorp(corpId, corpName ?? corpId);
    ctx.state.corps[corpId] = corp;
  }
  const app = {
    appKey,
    appSecret,
    scopes: input.data.scopes ?? [...ALL_SCOPES],
    authedDept: input.data.authedDept ?? [1],
    allowedIps: input.data.allowedIps,
  };
  corp.apps[appKey] = app;
  ctx.changed();
  return ok({ corpId, appKey, scopes: app.scopes, authedDept: app.authedDept, allowedIps: app.allowedIps });
}

const ZResetInput = ZCorpRef.extend({ withPeople: z.boolean().optional() });

function reset(ctx: SandboxContext, raw: Record<string, unknown>) {
  const { corpId, withPeople } = ZResetInput.parse(raw);
  if (corpId === undefined) {
    ctx.store.state = createSeedState();
    ctx.resetRuntime();
  } else {
    const corp = ctx.corp(corpId);
    if (!corp) return { status: 404, body: { error: `unknown corp ${corpId}` } };
    seedDirectory(corp, withPeople === undefined ? undefined : { withPeople });
    ctx.resetRuntime(corpId);
  }
  ctx.changed();
  return ok({ reset: corpId ?? "all" });
}

function faults(ctx: SandboxContext, raw: Record<string, unknown>) {
  const { corpId } = ZCorpRef.parse(raw);
  const input = ZFaultsInput.safeParse(raw);
  if (!input.success) return bad(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  if (corpId !== undefined) return ok({ corpId, faults: ctx.runtime(corpId).configure(input.data) });
  ctx.defaults = { ...ctx.defaults, ...input.data };
  for (const runtime of ctx.allRuntimes()) runtime.configure(input.data);
  return ok({ faults: ctx.defaults });
}

const HANDLERS: Record<string, Handler> = {
  "POST /_sandbox/apps": createApp,
  "POST /_sandbox/reset": reset,
  "POST /_sandbox/faults": faults,
  "GET /_sandbox/state": (ctx, _b, url) => {
    const corp = ctx.corp(url.searchParams.get("corpId") ?? SEED_CORP_ID);
    if (!corp) return { status: 404, body: { error: "unknown corp" } };
    const departments = Object.values(corp.departments)
      .sort((a, b) => a.dept_id - b.dept_id)
      .map(departmentToWire);
    const users = Object.values(corp.users)
      .sort((a, b) => a.seq - b.seq)
      .map(userToWire);
    return ok({ corpId: corp.corpId, departments, users });
  },
  "GET /_sandbox/calls": (ctx, _b, url) => {
    const corpId = url.searchParams.get("corpId");
    if (corpId) return ok({ corpId, ...ctx.runtime(corpId).callCounts() });
    const corps = Object.fromEntries(Object.keys(ctx.state.corps).map((id) => [id, ctx.runtime(id).callCounts()]));
    return ok({ corps, unattributed: ctx.orphanCalls.callCounts() });
  },
  "POST /_sandbox/sso-code": (ctx, raw) => {
    const input = ZSsoInput.safeParse(raw);
    if (!input.success) return bad("corpId and userid are required");
    if (!ctx.corp(input.data.corpId)?.users[input.data.userid])
      return { status: 404, body: { error: "unknown corp or user" } };
    return ok({ code: ctx.issueCode({ ...input.data, kind: "sso" }) });
  },
  "POST /_sandbox/robots": createRobot,
  "GET /_sandbox/robots": listRobots,
  "POST /_sandbox/expire-tokens": (ctx, raw) => ok({ expired: ctx.expireTokens(ZCorpRef.parse(raw).corpId) }),
};

/** A browser request from a page that is not this sandbox (another site, or a DNS-rebound name). */
function isFromAnotherSite(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = req.headers.host;
  return !isLocalHost(host) || (origin !== `http://${host}` && origin !== `https://${host}`);
}

export async function handleAdmin(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method === "GET" && (url.pathname === "/_sandbox" || url.pathname === "/_sandbox/")) {
    return showAdminPage(ctx, req, res, url);
  }
  if (FORM_PATHS.has(url.pathname) && (await handleAdminForm(ctx, req, res, url, { createApp, reset }))) return;
  if (req.method === "GET" && url.pathname === LAUNCH_PATH) return launch(ctx, res, url);
  const handler = HANDLERS[`${req.method} ${url.pathname}`];
  if (!handler) return sendJson(res, 404, { error: "unknown admin endpoint" });
  // Tests and scripts call these without a browser's Origin; a page of another site must not reset a corp.
  if (req.method === "POST" && isFromAnotherSite(req))
    return sendJson(res, 403, { error: "cross-site requests to the sandbox's admin endpoints are refused" });
  const body = req.method === "POST" ? parseBody(await readBody(req), req.headers["content-type"]) : {};
  if (!body) return sendJson(res, 400, { error: "the body must be a JSON object" });
  try {
    const result = handler(ctx, body, url);
    sendJson(res, result.status, result.body);
  } catch (err) {
    sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}
