import type { Page } from "@playwright/test";
import { E2E_BASE_URL } from "../env";
import { expect, test } from "../fixtures";
import { createSandboxApp, expectAccessible, fillApplication, stepHeading, type SandboxApp } from "./helpers";

// Issue 17: the wizard says where each value is found in DingTalk and gives feedback at every step.

const STEP_ONE = {
  en: {
    heading: "Create application",
    corpId: "home page of the DingTalk open platform",
    appKey: "Credentials and basic information",
    callbackDomain: "Development management > Shared settings",
    callbackDomainHint: "QR code login does not work",
    homePageUrl: "Security settings > In-app SSO address",
    homePageUrlHint: "Version management and release",
    egressIp: "Security settings > Outbound IP address",
  },
  "zh-CN": {
    heading: "创建应用",
    corpId: "钉钉开放平台首页",
    appKey: "凭证与基础信息",
    callbackDomain: "开发管理 > 共享设置",
    callbackDomainHint: "扫码登录无法使用",
    homePageUrl: "安全设置 > 端内免登地址",
    homePageUrlHint: "版本管理与发布",
    egressIp: "安全设置 > 服务器出口IP",
  },
  ja: {
    heading: "アプリを作成",
    corpId: "DingTalk オープンプラットフォームのホームページ",
    appKey: "資格情報と基本情報",
    callbackDomain: "開発管理 > 共有設定",
    callbackDomainHint: "QR コードログインは機能しません",
    homePageUrl: "セキュリティ設定 > アプリ内 SSO アドレス",
    homePageUrlHint: "バージョン管理と公開",
    egressIp: "セキュリティ設定 > 送信元 IP アドレス",
  },
} as const;

/** Steps 1 and 2 with a sandbox app of this test's own, then Next on step 2: its check has run. */
async function throughPermissionCheck(page: Page, app: SandboxApp, displayName: string) {
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("permissions-passed")).toBeVisible();
}

for (const [locale, words] of Object.entries(STEP_ONE)) {
  test(`[WIZARD][STEP 1]: says where each value is found and pasted in DingTalk, in ${locale}`, async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
    await page.goto("/identity-providers/new/dingtalk");
    await expect(page.getByTestId("wizard-step")).toHaveText(words.heading);
    await expect(page.locator("#corpId-description")).toContainText(words.corpId);
    await expect(page.locator("#appKey-description")).toContainText(words.appKey);
    await expect(page.locator("#appSecret-description")).toContainText(words.appKey);
    await expect(page.getByTestId("dev-callbackDomain-where")).toContainText(words.callbackDomain);
    await expect(page.getByTestId("dev-callbackDomain-where").locator("..")).toContainText(words.callbackDomainHint);
    await expect(page.getByTestId("dev-homePageUrl-where")).toContainText(words.homePageUrl);
    await expect(page.getByTestId("dev-homePageUrl-where").locator("..")).toContainText(words.homePageUrlHint);
    await expect(page.getByTestId("dev-egressIp-where")).toContainText(words.egressIp);
    // The home page URL is there before anything is saved.
    await expect(page.getByTestId("dev-homePageUrl")).toHaveText(/\/sso\/dingtalk\/[0-9a-f-]{36}$/);
    if (locale === "en") await expectAccessible(page, "Step 1 with its DingTalk guidance");
  });
}

test("[WIZARD][STEP 1]: the home page URL shown before the first save is the saved application's", async ({
  page,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  await page.goto("/identity-providers/new/dingtalk");
  const shown = await page.getByTestId("dev-homePageUrl").textContent();
  expect(shown).toMatch(/^https?:\/\/[^/]+\/sso\/dingtalk\/[0-9a-f-]{36}$/);
  await fillApplication(page, { ...app, displayName: `Home page ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  const id = new URL(page.url()).searchParams.get("id");
  expect(shown!.endsWith(`/sso/dingtalk/${id}`)).toBe(true);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByTestId("dev-homePageUrl")).toHaveText(shown!);
});

test("[WIZARD][STEP 1]: a wrong AppSecret is reported once", async ({ page, uid }) => {
  const app = await createSandboxApp(uid);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, appSecret: "not-the-secret", displayName: `Once ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#appSecret-error")).toContainText("AppKey and AppSecret");
  // One message in the page, not one per field plus an alert (or a toast).
  await expect(page.getByText(/errcode 40089/)).toHaveCount(1);
  await expect(page.getByRole("alert").filter({ hasText: "40089" })).toHaveCount(1);
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  // The AppKey is marked too, and described by the same words.
  const appKey = page.getByLabel("AppKey", { exact: true });
  await expect(appKey).toHaveAttribute("aria-invalid", "true");
  await expect(appKey).toHaveAttribute("aria-describedby", /appSecret-error/);
  await expect(page.getByLabel("AppSecret", { exact: true })).toBeFocused();
  await expectAccessible(page, "Step 1 with a wrong AppSecret");

  // Fixed, the marks go and the wizard moves on.
  await page.getByLabel("AppSecret", { exact: true }).fill(app.appSecret);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
});

test("[WIZARD][STEP 2]: every permission shows its result, and a passed check waits for Continue", async ({
  page,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName: `Results ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  const table = page.getByRole("table", { name: "DingTalk permissions to request" });
  const results = table.getByTestId("permission-result");
  // The document's groups and scope, and no blank result even before the check.
  for (const group of ["Personal", "Address Book Management", "Application Management"])
    await expect(table.getByRole("cell", { name: group, exact: true }).first()).toBeVisible();
  await expect(page.getByText("Set the permission scope to All employees.")).toBeVisible();
  await expect(results).toHaveCount(7);
  for (const cell of await results.all()) await expect(cell).not.toHaveText("");
  await expect(table.getByTestId("permission-Contact.User.Read").getByTestId("permission-result")).toHaveText(
    "Cannot be checked through the API: grant it as listed",
  );

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("permissions-passed")).toContainText("5 of the 5 permissions");
  await expect(page.getByTestId("permissions-passed")).toContainText("All employees");
  // Still on step 2, with each result on screen.
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  for (const code of [
    "qyapi_get_department_list",
    "qyapi_get_department_member",
    "qyapi_get_member",
    "qyapi_get_member_by_mobile",
    "qyapi_manage_addresslist",
  ])
    await expect(table.getByTestId(`permission-${code}`).getByTestId("permission-result")).toHaveText("Granted");
  for (const code of ["Contact.User.Read", "qyapi_microapp_manage"])
    await expect(table.getByTestId(`permission-${code}`).getByTestId("permission-result")).toHaveText(
      "Cannot be checked through the API: grant it as listed",
    );
  for (const cell of await results.all()) await expect(cell).not.toHaveText("");
  const next = page.getByRole("button", { name: "Continue" });
  await expect(next).toBeFocused();
  await expectAccessible(page, "Step 2 after a passed check");
  await next.click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
});

test("[WIZARD][STEP 3]: picking an organization clears its error; the picker counts what it does not list and searches", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const id = uid.toLowerCase().replace(/[^a-z0-9]/g, "");
  const root = await db.organizationalUnit.create({ data: { name: `E2E Pickroot ${id}` } });
  await db.organizationalUnit.createMany({
    data: Array.from({ length: 23 }, (_, i) => ({
      name: `E2E Pick ${id} ${String(i).padStart(2, "0")}`,
      parentId: root.id,
    })),
  });
  await throughPermissionCheck(page, app, `Picker ${uid}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await expect(page.locator("#qrLogin-description")).toContainText("Directory accounts who scan it reach the portal");
  await expect(page.locator("#qrLogin-description")).toContainText(
    "administrators signing in to the console reach the console",
  );

  await page.getByRole("button", { name: "Next" }).click();
  const required = page.getByText("Choose at least one organization.");
  await expect(required).toBeVisible();

  const matches = page.getByRole("list", { name: "Matching organizations" }).getByRole("button");
  const more = page.getByTestId("ou-search-more");
  await page.getByLabel("Add an organization").fill(`E2E Pick ${id}`);
  await expect(matches).toHaveCount(20);
  await expect(more).toHaveText("3 more organizations match: type more of the name to narrow the list.");
  await expect(page.getByLabel("Add an organization")).toHaveAttribute("aria-describedby", /.+/);

  await matches.filter({ hasText: `E2E Pick ${id} 00` }).click();
  // At once: no Next needed.
  await expect(required).toBeHidden();
  await expect(page.getByRole("list", { name: "Selected source organizations" })).toContainText(`E2E Pick ${id} 00`);
  // The picked one is left out: the next match takes its place and the count follows.
  await expect(more).toHaveText("2 more organizations match: type more of the name to narrow the list.");
  await expect(matches.filter({ hasText: `E2E Pick ${id} 20` })).toHaveCount(1);

  await page.getByLabel("Add an organization").fill(`E2E Pick ${id} 22`);
  await expect(matches).toHaveCount(1);
  await expect(more).toHaveCount(0);
  await expectAccessible(page, "Step 3 with the picker's count");
});
