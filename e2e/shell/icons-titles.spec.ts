import { E2E_BASE_URL } from "../env";
import { expect, test } from "../fixtures";

const SIDEBAR = [
  "/",
  "/identity-providers",
  "/directory/accounts",
  "/directory/organizations",
  "/directory/custom-fields",
  "/directory/import",
  "/sync-runs",
  "/audit-log",
];
const BRAND = { en: "DT Console", "zh-CN": "钉钉控制台", ja: "DingTalk コンソール" } as const;

test("[SHELL]: /favicon.ico and the app icons answer, and every page links them", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  for (const path of ["/", "/login", "/portal/login"]) {
    await page.goto(path);
    for (const rel of ["icon", "apple-touch-icon"]) {
      const hrefs = await page
        .locator(`head link[rel="${rel}"]`)
        .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(hrefs.length, `${path}: <link rel="${rel}">`).toBeGreaterThan(0);
      for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
    }
  }
});

for (const locale of ["en", "zh-CN", "ja"] as const) {
  test(`[SHELL]: every sidebar page has a title of its own, in ${locale}, and no icon request fails`, async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
    const failed: string[] = [];
    page.on("response", (response) => {
      if (/favicon|icon/.test(new URL(response.url()).pathname) && response.status() >= 400)
        failed.push(`${response.status()} ${response.url()}`);
    });
    const titles: string[] = [];
    for (const path of SIDEBAR) {
      await page.goto(path);
      const heading = (await page.getByRole("heading", { level: 1 }).textContent())?.trim();
      // "<screen> · <brand>": the screen's heading, in the reader's language.
      await expect(page).toHaveTitle(`${heading} · ${BRAND[locale]}`);
      titles.push(await page.title());
    }
    expect(new Set(titles).size).toBe(SIDEBAR.length);
    expect(failed).toEqual([]);
  });
}
