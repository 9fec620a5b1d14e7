// The frame of every admin page: the document in the reader's language, the language switch and
// the notice that this is not DingTalk. Plain HTML and CSS, no script.
import type { ServerResponse } from "node:http";
import { ADMIN_LANGS, LANG_NAMES, type AdminLang, type AdminWords } from "./admin-words";
import { escapeHtml as e } from "./http-util";

export const ADMIN_PATH = "/_sandbox";

/** What every admin page knows of its request. */
export type AdminView = {
  lang: AdminLang;
  w: AdminWords;
  /** The sandbox's URL as the browser sees it: the base URL to paste into the console. */
  baseUrl: string;
  /** The JSON file the state lives in. */
  dataFile: string;
};

/** A path under the admin page with its query, in the given language. */
export function adminHref(path: string, lang: AdminLang, params: Record<string, string> = {}, hash = ""): string {
  const query = new URLSearchParams({ ...params, lang });
  return `${path}?${query.toString()}${hash ? `#${hash}` : ""}`;
}

/** An element id for a corp (corp ids made through the JSON surface may hold any character). */
export const corpAnchor = (corpId: string) => `corp-${corpId.replace(/[^\w-]/g, "_")}`;

// Colours keep text at 4.5:1 or more on their backgrounds (axe's contrast rule).
const STYLE = `:root{color-scheme:light}
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2329;background:#fff}
.wrap{max-width:76rem;margin:0 auto;padding:1rem 2rem 3rem}
h1{font-size:24px;margin:.5rem 0}h2{font-size:19px;margin:2rem 0 .5rem}h3{font-size:16px;margin:1.25rem 0 .5rem}
a{color:#0b57d0}.muted{color:#4e5969}
.langs ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0;justify-content:flex-end}
.banner{background:#fff7e6;border:1px solid #ad4e00;border-radius:6px;padding:.75rem 1rem}
.notice{background:#ecfdf3;border:1px solid #067647;border-radius:6px;padding:.25rem 1rem 1rem}
.alert{background:#fef3f2;border:1px solid #b42318;border-radius:6px;padding:.5rem 1rem;color:#912018}
.field{margin:.75rem 0}.field label{display:block;font-weight:600}
.field input[type=text]{font:inherit;padding:4px 8px;width:min(28rem,100%);border:1px solid #6b7280;border-radius:4px}
.field input[aria-invalid=true]{border-color:#b42318}.error{display:block;color:#b42318}
.check label{font-weight:600}
button{font:inherit;margin:2px 0;padding:4px 12px;cursor:pointer;border:1px solid #1f2329;border-radius:4px;background:#f2f3f5;color:#1f2329}
button.primary{background:#0b57d0;border-color:#0b57d0;color:#fff}button.danger{background:#b42318;border-color:#b42318;color:#fff}
code{font-family:ui-monospace,monospace;background:#f2f3f5;padding:0 .25rem;border-radius:3px;word-break:break-all}
table{border-collapse:collapse;margin:.25rem 0}td,th{border:1px solid #c9cdd4;padding:4px 8px;text-align:left;vertical-align:top}
ul.tree{list-style:none;padding-left:1.2rem}section.corp{border-top:1px solid #c9cdd4;margin-top:2rem}`;

function languageSwitch(view: AdminView, here: (lang: AdminLang) => string): string {
  const items = ADMIN_LANGS.map((lang) => {
    const current = lang === view.lang ? ' aria-current="page"' : "";
    return `<li><a href="${e(here(lang))}" lang="${lang}" hreflang="${lang}"${current}>${e(LANG_NAMES[lang])}</a></li>`;
  }).join("");
  return `<nav class="langs" aria-label="${e(view.w.languages)}"><ul>${items}</ul></nav>`;
}

function banner(view: AdminView): string {
  const { w } = view;
  return (
    `<div class="banner" role="note"><p><strong>${e(w.notDingTalk)}</strong> ${e(w.about)}</p>` +
    `<p>${e(w.dataFile)} <code>${e(view.dataFile)}</code></p></div>`
  );
}

/** A whole admin page: `heading` is its h1, `here` the same page in another language. */
export function adminDocument(
  view: AdminView,
  { heading, body, here }: { heading: string; body: string; here: (lang: AdminLang) => string },
): string {
  const title = heading === view.w.title ? heading : `${heading} · ${view.w.title}`;
  return (
    `<!doctype html><html lang="${view.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>` +
    `<style>${STYLE}</style></head><body><div class="wrap"><header>${languageSwitch(view, here)}` +
    `<h1>${e(heading)}</h1>${banner(view)}</header><main>${body}</main></div></body></html>`
  );
}

/** An admin page: never cached (it shows secrets and form tokens), never framed (clickjacking). */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  });
  res.end(html);
}

/** A short page with one message and a way back (refusals, unknown corps). */
export function messagePage(view: AdminView, heading: string, text: string): string {
  const back = `<p><a href="${e(adminHref(ADMIN_PATH, view.lang))}">${e(view.w.refused.back)}</a></p>`;
  return adminDocument(view, {
    heading,
    body: `<p>${e(text)}</p>${back}`,
    here: (lang) => adminHref(ADMIN_PATH, lang),
  });
}
