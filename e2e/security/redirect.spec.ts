import { E2E_BASE_URL } from "../env";
import { expect, LoginPage, test } from "../fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

// Issue 14: each of these used to land on http://evil.example/pwn after a correct sign-in.
const PAYLOADS = ["/%5Cevil.example/pwn", "/%09/evil.example/pwn", encodeURIComponent("/\\/evil.example")];

for (const payload of PAYLOADS) {
  test(`[SECURITY][REDIRECT]: signing in with callbackUrl=${payload} stays on the console`, async ({
    page,
    freshAdmin,
  }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== E2E_BASE_URL) foreign.push(request.url());
    });
    await page.goto(`/login?callbackUrl=${payload}`);
    await new LoginPage(page).signIn(freshAdmin.email, freshAdmin.password);
    await expect(page.getByRole("heading", { name: "Quick Start" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(foreign).toEqual([]);
  });
}

test("[SECURITY][REDIRECT]: a same-origin callbackUrl with a query is kept", async ({ page, freshAdmin }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/audit-log?page=1")}`);
  await new LoginPage(page).signIn(freshAdmin.email, freshAdmin.password);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/audit-log?page=1`);
});
