import { expect, test } from "../fixtures";

const NAV = [
  { href: "/", en: "Quick Start", zh: "快速入门", ja: "クイックスタート" },
  { href: "/identity-providers", en: "Identity Providers", zh: "身份提供方", ja: "ID プロバイダー" },
  { href: "/directory/accounts", en: "Accounts", zh: "账户", ja: "アカウント" },
  { href: "/directory/organizations", en: "Organizations", zh: "组织机构", ja: "組織" },
  { href: "/sync-runs", en: "Sync records", zh: "同步记录", ja: "同期記録" },
  { href: "/audit-log", en: "Audit log", zh: "审计日志", ja: "監査ログ" },
] as const;

async function chooseLanguage(page: import("@playwright/test").Page, name: string) {
  await page.getByTestId("language-switcher").selectOption({ label: name });
}

test("[SHELL]: switching language changes the visible text and survives a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quick Start");
  await chooseLanguage(page, "简体中文");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("快速入门");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("快速入门");
  await chooseLanguage(page, "日本語");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("クイックスタート");
  await page.reload();
  await expect(page.getByRole("navigation", { name: "メインナビゲーション" })).toBeVisible();
});

for (const lang of ["en", "zh", "ja"] as const) {
  test(`[SHELL]: every page of the sidebar opens, in ${lang}`, async ({ page, context }) => {
    const cookie = { en: "en", zh: "zh-CN", ja: "ja" }[lang];
    await context.addCookies([{ name: "NEXT_LOCALE", value: cookie, url: "http://localhost:3211" }]);
    await page.goto("/");
    for (const item of NAV) {
      await page.getByRole("navigation").getByRole("link", { name: item[lang], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${item.href === "/" ? "/$" : item.href}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(item[lang]);
    }
  });
}

test("[SHELL]: the accounts page lists and searches the seeded directory", async ({ page }) => {
  await page.goto("/directory/accounts");
  // Other specs add accounts in parallel: at least the seeded 319 are listed.
  const total = await page.getByText(/^\d+ items$/).textContent();
  expect(Number(total!.split(" ")[0])).toBeGreaterThanOrEqual(319);
  await page.getByRole("searchbox").or(page.getByLabel("Search")).first().fill("tanaka.yuki");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=tanaka\.yuki/);
  await expect(page.getByRole("cell", { name: "tanaka.yuki", exact: true })).toBeVisible();
  await expect(page.getByText("1 item", { exact: true })).toBeVisible();
});

test("[SHELL]: the audit log records sign-ins and filters by action", async ({ page }) => {
  await page.goto("/audit-log");
  await page.getByRole("searchbox").fill("auth.sign_in");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=auth\.sign_in/);
  await expect(page.getByRole("cell", { name: "auth.sign_in", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "account.create", exact: true })).toHaveCount(0);
});
