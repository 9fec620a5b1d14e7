// GET /_sandbox: each corp's department tree with its users, like DingTalk's admin console,
// and a launcher that opens the app's home page as one of them (in-app SSO).
import type { SandboxContext } from "./context";
import { escapeHtml as e, page } from "./http-util";
import { launcherForm } from "./launcher";
import { children } from "./rules-departments";
import type { SandboxCorp } from "./types";

function tree(corp: SandboxCorp, deptId: number): string {
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
  const table = members
    ? `<table><tr><th>userid</th><th>name</th><th>mobile</th><th>email</th><th>title</th><th>job_number</th></tr>${members}</table>`
    : `<div class="muted">no members</div>`;
  const subs = children(corp, deptId)
    .map((c) => tree(corp, c.dept_id))
    .join("");
  const source = dept.source_identifier
    ? ` <span class="muted">source_identifier ${e(dept.source_identifier)}</span>`
    : "";
  return `<li><b>${e(dept.name)}</b> <span class="muted">dept_id ${e(dept.dept_id)}</span>${source}${table}<ul class="tree">${subs}</ul></li>`;
}

export function renderAdminPage(ctx: SandboxContext): string {
  const corps = Object.values(ctx.state.corps)
    .map((corp) => {
      const apps = Object.values(corp.apps)
        .map(
          (a) =>
            `<li>${e(a.appKey)} <span class="muted">scopes: ${e(a.scopes.join(", "))}; authed_dept: ${e(a.authedDept.join(","))}</span></li>`,
        )
        .join("");
      const counts = `${Object.keys(corp.departments).length} departments, ${Object.keys(corp.users).length} users`;
      return `<section><h2>${e(corp.corpId)} <span class="muted">${e(counts)}</span></h2><ul>${apps}</ul>${launcherForm(corp)}<ul class="tree">${tree(corp, 1)}</ul></section>`;
    })
    .join("");
  return page("DingTalk sandbox", `<h1>DingTalk sandbox</h1>${corps || "<p>No corps yet.</p>"}`);
}
