import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN, E2E_STORAGE_STATE } from "./env";
import { LoginPage } from "./fixtures";

// Sign in once; the other specs reuse the saved session.
setup("sign in as the demo administrator", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("heading", { name: "Quick Start" })).toBeVisible();
  await page.context().storageState({ path: E2E_STORAGE_STATE });
});
