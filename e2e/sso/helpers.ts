import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { createDingTalkClient, type DingTalkClient } from "../../lib/dingtalk";
import { E2E_BASE_URL, E2E_SANDBOX_URL } from "../env";
import { expect } from "../fixtures";
import type { SandboxApp } from "../idp/helpers";

export { bindAndSync, createSandboxApp, seedScope } from "../idp/helpers";

/** A browser of its own for the end user: no administrator cookies. */
export async function endUserPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** Modify > Scenario > "DingTalk QR code login", as an administrator does it. */
export async function setQrLogin(admin: Page, idpId: string, on: boolean) {
  await admin.goto(`/identity-providers/${idpId}/modify`);
  await admin.getByRole("tab", { name: "Scenario" }).click();
  const qr = admin.getByRole("switch", { name: "DingTalk QR code login" });
  if ((await qr.isChecked()) !== on) await qr.click();
  await expect(qr).toBeChecked({ checked: on });
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
}

export const loginButton = (page: Page, displayName: string) =>
  page.getByRole("link", { name: `Log in with DingTalk (${displayName})` });

/** From a login page: the DingTalk button, then the sandbox's "scan as" page. */
export async function openDingTalkLogin(page: Page, displayName: string) {
  await loginButton(page, displayName).click();
  await expect(page.getByRole("heading", { name: "DingTalk sandbox login" })).toBeVisible();
}

export const refusal = (page: Page) => page.getByTestId("sso-refusal");

/** The app's own client against the sandbox, to make DingTalk users the directory does not know. */
export function sandboxClient(app: SandboxApp): DingTalkClient {
  const base = E2E_SANDBOX_URL;
  return createDingTalkClient({
    ...app,
    baseUrl: base,
    v1BaseUrl: base,
    loginBaseUrl: base,
    allowLocalEndpoints: true,
    qps: 0,
  });
}

/** Every server action in the build (as e2e/security does), to prove a portal session reaches none. */
export function serverActions(): { id: string; route: string }[] {
  const dist = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/")) ?? "app/page";
    return {
      id,
      route:
        worker
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\/\([^)]+\)/g, "") || "/",
    };
  });
}

export async function callAction(page: Page, action: { id: string; route: string }): Promise<string> {
  const response = await page.request.post(action.route, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ locale: "ja" }]),
    maxRedirects: 0,
  });
  return response.text();
}
