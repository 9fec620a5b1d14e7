import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Db } from "../../lib/server/prisma-client";
import { E2E_SANDBOX_URL } from "../env";
import { expect } from "../fixtures";

export type SandboxApp = { corpId: string; appKey: string; appSecret: string };

export const READ_SCOPES = [
  "qyapi_get_member",
  "qyapi_get_member_by_mobile",
  "qyapi_get_department_list",
  "qyapi_get_department_member",
];

/** A DingTalk corp and app of this test's own: CorpIds are unique per console. */
export async function createSandboxApp(uid: string, scopes?: string[]): Promise<SandboxApp> {
  const app = { corpId: `ding${uid}`, appKey: `key${uid}`, appSecret: `secret${uid}`, ...(scopes ? { scopes } : {}) };
  const res = await fetch(`${E2E_SANDBOX_URL}/_sandbox/apps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(app),
  });
  expect(res.ok).toBe(true);
  return app;
}

export type SandboxState = {
  departments: { dept_id: number; name: string; parent_id: number }[];
  users: { userid: string; name: string; email?: string; dept_id_list: number[] }[];
};

export async function sandboxState(corpId: string): Promise<SandboxState> {
  return (await (await fetch(`${E2E_SANDBOX_URL}/_sandbox/state?corpId=${corpId}`)).json()) as SandboxState;
}

export async function sandboxCalls(
  corpId: string,
): Promise<{ total: number; byPath: Record<string, Record<string, number>> }> {
  return (await (await fetch(`${E2E_SANDBOX_URL}/_sandbox/calls?corpId=${corpId}`)).json()) as {
    total: number;
    byPath: Record<string, Record<string, number>>;
  };
}

/** A small scope of this test's own: a root OU with a sub-OU and one account in each. */
export async function seedScope(db: Db, uid: string) {
  const id = uid.toLowerCase().replace(/[^a-z0-9]/g, "");
  const root = await db.organizationalUnit.create({ data: { name: `E2E Root ${id}` } });
  const team = await db.organizationalUnit.create({ data: { name: `E2E Team ${id}`, parentId: root.id } });
  const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const make = (suffix: string, ouId: string) =>
    db.account.create({
      data: {
        username: `e2e${id}${suffix}`,
        displayName: `E2E ${suffix.toUpperCase()} ${id}`,
        email: `e2e.${id}.${suffix}@example.com`,
        phoneNumber: phone(),
        phoneRegion: "86",
        jobTitle: "Engineer",
        memberships: { create: { ouId, isPrimary: true } },
      },
    });
  const lead = await make("a", root.id);
  const member = await make("b", team.id);
  return { root, team, lead, member };
}

export async function fillApplication(page: Page, app: SandboxApp & { displayName: string }) {
  await page.getByLabel("Display name").fill(app.displayName);
  await page.getByLabel("CorpId", { exact: true }).fill(app.corpId);
  await page.getByLabel("AppKey", { exact: true }).fill(app.appKey);
  await page.getByLabel("AppSecret", { exact: true }).fill(app.appSecret);
  await page.getByLabel("Private deployment").check();
  await page.getByLabel("Classic API base URL (oapi)").fill(E2E_SANDBOX_URL);
  await page.getByLabel("New API base URL (api, v1.0)").fill(E2E_SANDBOX_URL);
  await page.getByLabel("Login base URL").fill(E2E_SANDBOX_URL);
}

export const stepHeading = (page: Page, name: string) => page.getByTestId("wizard-step").filter({ hasText: name });

export async function pickSource(page: Page, name: string) {
  await page.getByLabel("Add an organization").fill(name);
  await page
    .getByRole("button", { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole("list", { name: "Selected source organizations" })).toContainText(name);
}

/** Steps 1-3 with a sandbox app of this test's own; ends on step 4. */
export async function throughScenario(page: Page, app: SandboxApp, scopeName: string, displayName: string) {
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await pickSource(page, scopeName);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Field mapping")).toBeVisible();
}

/** On the review of a sync plan (after Save and sync or Sync now): Apply, then on the run's page. */
export async function applyReview(page: Page) {
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 60_000 });
}

/** Binds the sandbox app through the four wizard steps, then Save and sync, Apply the reviewed plan, until the full run has succeeded; returns the IdP's id. */
export async function bindAndSync(
  page: Page,
  app: SandboxApp,
  scopeName: string,
  displayName: string,
): Promise<string> {
  await throughScenario(page, app, scopeName, displayName);
  const idpId = new URL(page.url()).searchParams.get("id");
  expect(idpId).toBeTruthy();
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  return idpId!;
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(report, `${screen}: serious or critical axe violations\n${report.join("\n")}`).toEqual([]);
}
