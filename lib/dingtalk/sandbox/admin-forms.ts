// The admin page's HTML forms: create a corp (POST /_sandbox/corps) and reset one (GET
// /_sandbox/corps/reset asks, POST does it). Plain forms, then a redirect back to the page
// (post/redirect/get). The work itself is the JSON surface's, handed in as `ops`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ADMIN_PATH, adminHref, corpAnchor, messagePage, sendPage, type AdminView } from "./admin-layout";
import {
  CREATE_LIMITS,
  CREATE_PATH,
  renderAdminPage,
  renderResetPage,
  RESET_PATH,
  type CreateFormState,
} from "./admin-page";
import { ADMIN_WORDS, pickLang, type CreateField, type FieldProblem } from "./admin-words";
import type { SandboxContext } from "./context";
import { isSameOriginRequest, isValidFormToken, type FormPurpose } from "./form-guard";
import { readBody } from "./http-util";
import { randomToken } from "./ids";

type OpResult = { status: number; body: unknown };
type Op = (ctx: SandboxContext, body: Record<string, unknown>, url: URL) => OpResult;
/** POST /_sandbox/apps and POST /_sandbox/reset, as the JSON surface does them. */
export type AdminOps = { createApp: Op; reset: Op };

export const FORM_PATHS = new Set([CREATE_PATH, RESET_PATH]);

/** The page's view of a request: language, the sandbox's URL as the browser sees it, the data file. */
export function adminView(ctx: SandboxContext, req: IncomingMessage, requestedLang: string | null): AdminView {
  const lang = pickLang(requestedLang, req.headers["accept-language"]);
  const host = req.headers.host ?? `${req.socket.localAddress ?? "127.0.0.1"}:${req.socket.localPort ?? ""}`;
  return { lang, w: ADMIN_WORDS[lang], baseUrl: `http://${host}`, dataFile: ctx.store.file };
}

const id = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .regex(/^[\w-]*$/, { message: "format" });

const ZCreateCorpForm = z.object({
  corpName: z.string().trim().min(1, { message: "required" }).max(CREATE_LIMITS.corpName, { message: "tooLong" }),
  corpId: id(CREATE_LIMITS.corpId),
  appKey: id(CREATE_LIMITS.appKey),
  appSecret: z
    .string()
    .trim()
    .max(CREATE_LIMITS.appSecret, { message: "tooLong" })
    .regex(/^\S*$/, { message: "secretFormat" }),
});

const FIELD_PROBLEMS: readonly string[] = ["required", "format", "secretFormat", "tooLong"] satisfies FieldProblem[];
const isFieldProblem = (value: string): value is FieldProblem => FIELD_PROBLEMS.includes(value);

function see(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store" });
  res.end();
}

/** A form body, or null when the request is not a plain urlencoded form. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  const text = await readBody(req);
  return type === "application/x-www-form-urlencoded" ? new URLSearchParams(text) : null;
}

/** The form, when it is one, from this origin and with a token this process signed for `purpose`. */
async function guardedForm(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  purpose: FormPurpose,
): Promise<{ form: URLSearchParams; view: AdminView } | null> {
  const form = await readForm(req);
  const view = adminView(ctx, req, form?.get("lang") ?? null);
  if (!form) {
    sendPage(res, 415, messagePage(view, view.w.refused.heading, view.w.refused.notForm));
    return null;
  }
  if (!isSameOriginRequest(req) || !isValidFormToken(form.get("token"), purpose)) {
    sendPage(res, 403, messagePage(view, view.w.refused.heading, view.w.refused.crossSite));
    return null;
  }
  return { form, view };
}

async function createCorp(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, ops: AdminOps) {
  const guarded = await guardedForm(ctx, req, res, "create");
  if (!guarded) return;
  const { form, view } = guarded;
  const raw = {
    corpName: form.get("corpName") ?? "",
    corpId: form.get("corpId") ?? "",
    appKey: form.get("appKey") ?? "",
    appSecret: form.get("appSecret") ?? "",
  };
  const state: CreateFormState = { values: { ...raw, withPeople: form.get("withPeople") === "on" }, problems: {} };
  const parsed = ZCreateCorpForm.safeParse(raw);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const name = issue.path[0] as CreateField;
    state.problems[name] ??= isFieldProblem(issue.message) ? issue.message : "format";
  }
  const input = parsed.success ? parsed.data : undefined;
  if (input?.corpId && ctx.corp(input.corpId)) state.problems.corpId = "corpTaken";
  if (input?.appKey && ctx.findApp(input.appKey)) state.problems.appKey = "appKeyTaken";
  if (!input || Object.keys(state.problems).length)
    return sendPage(res, 400, renderAdminPage(ctx, view, { form: state }));

  // DingTalk's own look: ding + 16 hex for CorpId and AppKey, 64 characters for the AppSecret.
  const corpId = input.corpId || `ding${randomToken(8)}`;
  const appKey = input.appKey || `ding${randomToken(8)}`;
  const appSecret = input.appSecret || randomToken(32);
  const created = ops.createApp(ctx, { corpId, appKey, appSecret, corpName: input.corpName }, url);
  if (created.status !== 200) throw new Error(`could not create corp ${corpId}: ${JSON.stringify(created.body)}`);
  if (state.values.withPeople) ops.reset(ctx, { corpId, withPeople: true }, url);
  see(res, adminHref(ADMIN_PATH, view.lang, { created: corpId }, corpAnchor(corpId)));
}

async function resetCorp(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, ops: AdminOps) {
  const guarded = await guardedForm(ctx, req, res, "reset");
  if (!guarded) return;
  const { form, view } = guarded;
  const corpId = form.get("corpId") ?? "";
  if (!ctx.corp(corpId))
    return sendPage(res, 404, messagePage(view, view.w.unknownCorp.heading, view.w.unknownCorp.text(corpId)));
  const done = ops.reset(ctx, { corpId, withPeople: form.get("withPeople") === "on" }, url);
  if (done.status !== 200) throw new Error(`could not reset corp ${corpId}: ${JSON.stringify(done.body)}`);
  see(res, adminHref(ADMIN_PATH, view.lang, { reset: corpId }, corpAnchor(corpId)));
}

function askReset(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const view = adminView(ctx, req, url.searchParams.get("lang"));
  const corpId = url.searchParams.get("corpId") ?? "";
  const corp = ctx.corp(corpId);
  if (!corp) return sendPage(res, 404, messagePage(view, view.w.unknownCorp.heading, view.w.unknownCorp.text(corpId)));
  sendPage(res, 200, renderResetPage(view, corp));
}

/** GET /_sandbox: the page, with a notice after a create (?created=) or a reset (?reset=). */
export function showAdminPage(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const view = adminView(ctx, req, url.searchParams.get("lang"));
  const created = url.searchParams.get("created");
  const reset = url.searchParams.get("reset");
  const notice = created
    ? { kind: "created" as const, corpId: created }
    : reset
      ? { kind: "reset" as const, corpId: reset }
      : undefined;
  sendPage(res, 200, renderAdminPage(ctx, view, { notice, focus: url.searchParams.get("corp") ?? notice?.corpId }));
}

/** The form routes (FORM_PATHS); false when the method is not one of them. */
export async function handleAdminForm(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ops: AdminOps,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  if (route === `POST ${CREATE_PATH}`) await createCorp(ctx, req, res, url, ops);
  else if (route === `GET ${CREATE_PATH}`)
    see(res, adminHref(ADMIN_PATH, adminView(ctx, req, url.searchParams.get("lang")).lang));
  else if (route === `GET ${RESET_PATH}`) askReset(ctx, req, res, url);
  else if (route === `POST ${RESET_PATH}`) await resetCorp(ctx, req, res, url, ops);
  else return false;
  return true;
}
