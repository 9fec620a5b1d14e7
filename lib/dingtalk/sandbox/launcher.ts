// "Open the app as <user>": what DingTalk's client does when a member taps the app in the
// workbench. It opens the app's home page URL, whose page then asks the JSAPI for a code
// (runtime.permission.requestAuthCode). A plain browser has no JSAPI, so the sandbox issues
// the code itself and hands it to the page in the query string.
import type { ServerResponse } from "node:http";
import type { LauncherWords } from "./admin-words";
import type { SandboxContext } from "./context";
import { escapeHtml as e, page, redirect, sendHtml } from "./http-util";
import type { SandboxCorp } from "./types";

export const LAUNCH_PATH = "/_sandbox/launch";

/** The per-corp launcher on the /_sandbox page: a home page URL and one button per active member. */
/** Users listed with a button when the corp is not the one in focus (a corp may have thousands). */
export const LAUNCHER_USERS = 20;

export function launcherForm(corp: SandboxCorp, w: LauncherWords, { all = true }: { all?: boolean } = {}): string {
  const active = Object.values(corp.users)
    .filter((u) => u.active)
    .sort((a, b) => a.seq - b.seq);
  const shown = all ? active : active.slice(0, LAUNCHER_USERS);
  const more = active.length - shown.length;
  const buttons = shown
    .map(
      (u) =>
        `<li><button type="submit" name="userid" value="${e(u.userid)}">${e(w.openAs(u.name))}</button> <span class="muted">${e(u.userid)}</span></li>`,
    )
    .join("");
  const id = `home-${e(corp.corpId)}`;
  return (
    `<form method="get" action="${LAUNCH_PATH}" aria-label="${e(w.formName(corp.corpId))}">` +
    `<h3>${e(w.heading)}</h3><input type="hidden" name="corpId" value="${e(corp.corpId)}">` +
    `<p><label for="${id}">${e(w.homePageUrl)}</label> <input id="${id}" type="url" name="url" required size="70" ` +
    `placeholder="http://localhost:3000/sso/dingtalk/&lt;idp id&gt;"> <span class="muted">${e(w.homePageHint)}</span></p>` +
    `<ul>${buttons || `<li class="muted">${e(w.noActiveMembers)}</li>`}${more > 0 ? `<li class="muted">${e(w.more(more))}</li>` : ""}</ul></form>`
  );
}

function homePage(raw: string, corpId: string): URL | null {
  try {
    const url = new URL(raw.replaceAll("$CORPID$", encodeURIComponent(corpId)));
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** GET /_sandbox/launch?corpId&userid&url: issues an in-app SSO code and opens the home page with it. */
export function launch(ctx: SandboxContext, res: ServerResponse, url: URL): void {
  const corpId = url.searchParams.get("corpId") ?? "";
  const user = ctx.corp(corpId)?.users[url.searchParams.get("userid") ?? ""];
  const target = homePage(url.searchParams.get("url") ?? "", corpId);
  if (!user || !user.active) return sendHtml(res, 404, page("Launch error", "<h1>Unknown corp or inactive user</h1>"));
  if (!target) return sendHtml(res, 400, page("Launch error", "<h1>The home page URL must be an http(s) URL</h1>"));
  target.searchParams.set("code", ctx.issueCode({ corpId, userid: user.userid, kind: "sso" }));
  redirect(res, target.toString());
}
