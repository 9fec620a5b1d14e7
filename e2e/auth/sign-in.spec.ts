import { E2E_ADMIN } from "../env";
import { expect, LoginPage, test } from "../fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

const CONSOLE_PAGES = [
  "/",
  "/identity-providers",
  "/identity-providers/new/dingtalk",
  "/directory/accounts",
  "/directory/organizations",
  "/sync-runs",
  "/audit-log",
];

test("[AUTH]: a wrong password gets a clear message and no session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(E2E_ADMIN.email, "not-the-password");
  await expect(login.formError()).toHaveText("The e-mail or password is wrong. Check both and try again.");
  await page.goto("/audit-log");
  await expect(page).toHaveURL(/\/login$/);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name.includes("next-auth.session-token"))).toBeUndefined();
});

test("[AUTH]: the right password opens the dashboard, and sign out closes it", async ({ page, freshAdmin }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.getByRole("status").filter({ hasText: "Demo mode" })).toContainText(E2E_ADMIN.email);
  await login.signIn(freshAdmin.email, freshAdmin.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Quick Start" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bind DingTalk" })).toHaveAttribute(
    "href",
    "/identity-providers/new/dingtalk",
  );
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-menu")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText(freshAdmin.email, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

for (const path of CONSOLE_PAGES) {
  test(`[AUTH]: a signed-out visit to ${path} goes to /login`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Sign in to the console" })).toBeVisible();
  });
}

test("[AUTH]: the 6th wrong attempt is refused, even with the right password", async ({ page, freshAdmin, db }) => {
  const login = new LoginPage(page);
  await login.goto();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await login.signIn(freshAdmin.email, `wrong-${attempt}`);
    await expect(login.formError()).toHaveText(/e-mail or password is wrong/);
  }
  await login.signIn(freshAdmin.email, freshAdmin.password);
  await expect(login.formError()).toHaveText(
    "Too many failed attempts for this e-mail. Wait 15 minutes, then try again.",
  );
  await expect(page).toHaveURL(/\/login/);
  const refusals = await db.auditLog.count({
    where: { action: "auth.sign_in_refused", details: { contains: freshAdmin.email } },
  });
  expect(refusals).toBe(1);
});
