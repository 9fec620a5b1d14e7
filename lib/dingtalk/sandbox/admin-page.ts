// GET /_sandbox: the form that creates a corp, then each corp with its app credentials, a link
// to reset it, its department tree and users (like DingTalk's admin console), and a launcher
// that opens the app's home page as one of them (in-app SSO).
import { ADMIN_PATH, adminDocument, adminHref, corpAnchor, type AdminView } from "./admin-layout";
import type { CreateField, FieldProblem } from "./admin-words";
import type { SandboxContext } from "./context";
import { formToken } from "./form-guard";
import { escapeHtml as e } from "./http-util";
import { launcherForm } from "./launcher";
import { robotsSection } from "./robot";
import { children } from "./rules-departments";
import { SEED_CORP_ID } from "./seed";
import type { SandboxCorp } from "./types";

export const CREATE_PATH = `${ADMIN_PATH}/corps`;
export const RESET_PATH = `${ADMIN_PATH}/corps/reset`;

export const CREATE_LIMITS: Record<CreateField, number> = { corpName: 64, corpId: 64, appKey: 64, appSecret: 128 };

export type CreateValues = Record<CreateField, string> & { withPeople: boolean };
export type CreateFormState = { values: CreateValues; problems: Partial<Record<CreateField, FieldProblem>> };
export type AdminNotice = { kind: "created" | "reset"; corpId: string };

const EMPTY_FORM: CreateFormState = {
  values: { corpName: "", corpId: "", appKey: "", appSecret: "", withPeople: false },
  problems: {},
};

export const corpName = (corp: SandboxCorp) => corp.departments["1"]?.name ?? corp.corpId;
const counts = (corp: SandboxCorp) => [Object.keys(corp.departments).length, Object.keys(corp.users).length] as const;

function tree(view: AdminView, corp: SandboxCorp, deptId: number): string {
  const dept = corp.departments[String(deptId)];
  if (!dept) return "";
  const members = Object.values(corp.users)
    .filter((u) => u.dept_id_list.includes(deptId))
    .sort((a, b) => a.seq - b.seq)
    .map(
      (u) =>
        `<tr><td>${e(u.userid)}</td><td>${e(u.name)}</td><td>${e(u.mobile)}</td><td>${e(u.email)}</td><td>${e(u.title)}</td><td>${e(u.job_number)}</td></tr>`,
    )
    .join("");
  const head = ["userid", "name", "mobile", "email", "title", "job_number"].map((h) => `<th scope="col">${h}</th>`);
  const table = members
    ? `<table><thead><tr>${head.join("")}</tr></thead><tbody>${members}</tbody></table>`
    : `<div class="muted">${e(view.w.corp.noMembers)}</div>`;
  const subs = children(corp, deptId)
    .map((c) => tree(view, corp, c.dept_id))
    .join("");
  const source = dept.source_identifier
    ? ` <span class="muted">source_identifier ${e(dept.source_identifier)}</span>`
    : "";
  return `<li><b>${e(dept.name)}</b> <span class="muted">dept_id ${e(dept.dept_id)}</span>${source}${table}<ul class="tree">${subs}</ul></li>`;
}

/** CorpId, AppKey, AppSecret and the three base URLs, as the console's wizard names them. */
function credentials(view: AdminView, corp: SandboxCorp): string {
  const app = Object.values(corp.apps)[0];
  const c = view.w.credentials;
  const rows: [string, string, string][] = [
    ["corpId", c.corpId, corp.corpId],
    ["appKey", c.appKey, app?.appKey ?? ""],
    ["appSecret", c.appSecret, app?.appSecret ?? ""],
    ["apiBaseUrl", c.apiBaseUrl, view.baseUrl],
    ["v1BaseUrl", c.v1BaseUrl, view.baseUrl],
    ["loginBaseUrl", c.loginBaseUrl, view.baseUrl],
  ];
  const body = rows
    .map(
      ([key, label, value]) =>
        `<tr><th scope="row">${e(label)}</th><td><code data-testid="cred-${key}">${e(value)}</code></td></tr>`,
    )
    .join("");
  return `<table data-testid="created-credentials"><tbody>${body}</tbody></table>`;
}

function notice(ctx: SandboxContext, view: AdminView, n: AdminNotice | undefined): string {
  const corp = n ? ctx.corp(n.corpId) : undefined;
  if (!n || !corp) return "";
  const { w } = view;
  if (n.kind === "reset") {
    const [d, u] = counts(corp);
    return `<div class="notice" role="status"><p>${e(w.reset.done(corpName(corp), d, u))}</p></div>`;
  }
  return (
    `<section class="notice" role="status" aria-labelledby="created-heading">` +
    `<h2 id="created-heading">${e(w.created.heading(corpName(corp)))}</h2><p>${e(w.created.intro)}</p>` +
    `${credentials(view, corp)}</section>`
  );
}

function field(view: AdminView, form: CreateFormState, name: CreateField, extra: string): string {
  const problem = form.problems[name];
  const words = view.w.create;
  const message = problem
    ? problem === "tooLong"
      ? words.problems.tooLong(CREATE_LIMITS[name])
      : words.problems[problem]
    : "";
  const described = [problem ? `${name}-error` : "", name === "corpName" ? "" : "generated-hint"].filter(Boolean);
  const error = problem ? `<span class="error" id="${name}-error">${e(message)}</span>` : "";
  return (
    `<p class="field"><label for="${name}">${e(words.labels[name])}</label>` +
    `<input type="text" id="${name}" name="${name}" value="${e(form.values[name])}" maxlength="${CREATE_LIMITS[name]}"` +
    ` autocomplete="off" spellcheck="false"${extra}${problem ? ' aria-invalid="true"' : ""}` +
    `${described.length ? ` aria-describedby="${described.join(" ")}"` : ""}>${error}</p>`
  );
}

function createForm(view: AdminView, form: CreateFormState): string {
  const words = view.w.create;
  const failed = Object.keys(form.problems).length ? `<p class="alert" role="alert">${e(words.failed)}</p>` : "";
  return (
    `<section aria-labelledby="create-heading"><h2 id="create-heading">${e(words.heading)}</h2><p>${e(words.intro)}</p>` +
    `<form method="post" action="${CREATE_PATH}" aria-labelledby="create-heading">${failed}` +
    `<input type="hidden" name="token" value="${e(formToken("create"))}"><input type="hidden" name="lang" value="${view.lang}">` +
    field(view, form, "corpName", " required") +
    `<p class="muted" id="generated-hint">${e(words.generatedHint)}</p>` +
    field(view, form, "corpId", "") +
    field(view, form, "appKey", "") +
    field(view, form, "appSecret", "") +
    `<p class="field check"><input type="checkbox" id="withPeople" name="withPeople" value="on" aria-describedby="withPeople-hint"` +
    `${form.values.withPeople ? " checked" : ""}> <label for="withPeople">${e(words.withPeople)}</label><br>` +
    `<span class="muted" id="withPeople-hint">${e(words.withPeopleHint)}</span></p>` +
    `<p><button type="submit" class="primary">${e(words.submit)}</button></p></form></section>`
  );
}

/** A corp this small is shown whole; a larger one only when it is in focus (?corp=, or just created or reset). */
const SMALL_CORP = 30;

function corpSection(view: AdminView, corp: SandboxCorp, focus: string | undefined): string {
  const { w } = view;
  const id = corpAnchor(corp.corpId);
  const [d, u] = counts(corp);
  const whole = corp.corpId === focus || (d <= SMALL_CORP && u <= SMALL_CORP);
  const directory = whole
    ? `<ul class="tree">${tree(view, corp, 1)}</ul>`
    : `<p><a href="${e(adminHref(ADMIN_PATH, view.lang, { corp: corp.corpId }, id))}">${e(w.corp.showDirectory(corpName(corp), d, u))}</a></p>`;
  const apps = Object.values(corp.apps)
    .map(
      (a) =>
        `<tr><td><code>${e(a.appKey)}</code></td><td><code>${e(a.appSecret)}</code></td>` +
        `<td>${e(a.scopes.join(", "))}</td><td>${e(a.authedDept.join(", "))}</td></tr>`,
    )
    .join("");
  const appHead = [w.credentials.appKey, w.credentials.appSecret, w.corp.scopes, w.corp.authedDept]
    .map((h) => `<th scope="col">${e(h)}</th>`)
    .join("");
  const resetHref = adminHref(RESET_PATH, view.lang, { corpId: corp.corpId });
  return (
    `<section class="corp" id="${e(id)}" aria-labelledby="${e(id)}-heading">` +
    `<h2 id="${e(id)}-heading">${e(corpName(corp))} <span class="muted">${e(corp.corpId)}</span></h2>` +
    `<p class="muted">${e(w.corp.counts(d, u))}</p>` +
    `<h3>${e(w.corp.apps)}</h3><table><thead><tr>${appHead}</tr></thead><tbody>${apps}</tbody></table>` +
    `<p>${e(w.corp.baseUrls)} <code>${e(view.baseUrl)}</code></p>` +
    `<p><a href="${e(resetHref)}">${e(w.corp.resetLink(corpName(corp)))}</a></p>` +
    launcherForm(corp, w.launcher, { all: whole }) +
    `<h3>${e(w.corp.directory)}</h3>${directory}</section>`
  );
}

export function renderAdminPage(
  ctx: SandboxContext,
  view: AdminView,
  {
    notice: n,
    form = EMPTY_FORM,
    focus = n?.corpId,
  }: { notice?: AdminNotice; form?: CreateFormState; focus?: string } = {},
): string {
  const corps = Object.values(ctx.state.corps)
    .map((corp) => corpSection(view, corp, focus))
    .join("");
  const here = (lang: typeof view.lang) =>
    adminHref(ADMIN_PATH, lang, n ? { [n.kind === "created" ? "created" : "reset"]: n.corpId } : {});
  return adminDocument(view, {
    heading: view.w.title,
    body: `${notice(ctx, view, n)}${createForm(view, form)}${corps || `<p>${e(view.w.corp.noCorps)}</p>`}${robotsSection(ctx, view.lang)}`,
    here,
  });
}

/** GET /_sandbox/corps/reset?corpId=: what a reset deletes, and the form that does it. */
export function renderResetPage(view: AdminView, corp: SandboxCorp): string {
  const { w } = view;
  const [d, u] = counts(corp);
  const cancel = adminHref(ADMIN_PATH, view.lang, {}, corpAnchor(corp.corpId));
  const body =
    `<p>${e(w.reset.what(d, u))}</p><p>${e(w.reset.keeps)}</p>` +
    `<form method="post" action="${RESET_PATH}" aria-label="${e(w.reset.heading(corpName(corp)))}">` +
    `<input type="hidden" name="token" value="${e(formToken("reset"))}"><input type="hidden" name="lang" value="${view.lang}">` +
    `<input type="hidden" name="corpId" value="${e(corp.corpId)}">` +
    `<p class="field check"><input type="checkbox" id="withPeople" name="withPeople" value="on" aria-describedby="withPeople-hint"` +
    `${corp.corpId === SEED_CORP_ID ? " checked" : ""}> <label for="withPeople">${e(w.reset.withPeople)}</label><br><span class="muted" id="withPeople-hint">${e(w.reset.withPeopleHint)}</span></p>` +
    `<p><button type="submit" class="danger">${e(w.reset.submit)}</button> <a href="${e(cancel)}">${e(w.reset.cancel)}</a></p></form>`;
  return adminDocument(view, {
    heading: w.reset.heading(`${corpName(corp)} (${corp.corpId})`),
    body,
    here: (lang) => adminHref(RESET_PATH, lang, { corpId: corp.corpId }),
  });
}
