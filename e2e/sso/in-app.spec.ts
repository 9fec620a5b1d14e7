import { E2E_BASE_URL, E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { bindAndSync, createSandboxApp, endUserPage, refusal, seedScope } from "./helpers";

test("[SSO][IN-APP]: the sandbox's 'Open the app as <user>' opens the home page URL of step 1 and signs in to /portal; the code works once", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const name = `In-app ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);

  // Step 1's developer information names the URL this console serves.
  await page.goto(`/identity-providers/${idpId}/modify`);
  const homePageUrl = await page.getByTestId("dev-homePageUrl").innerText();
  expect(homePageUrl).toBe(`${E2E_BASE_URL}/sso/dingtalk/${idpId}`);
  await expect(page.getByTestId("dev-callbackDomain")).toHaveText(new URL(E2E_BASE_URL).host);

  // QR code login stays off: in-app SSO needs only an enabled IdP.
  const user = await endUserPage(browser);
  await user.goto(`${E2E_SANDBOX_URL}/_sandbox`);
  const launcher = user.getByRole("form", { name: `Open the app in DingTalk (${app.corpId})` });
  await launcher.getByLabel("Application home page URL").fill(homePageUrl);
  const launched = user.waitForRequest((r) => r.url().startsWith(homePageUrl));
  await launcher.getByRole("button", { name: `Open the app as ${lead.displayName}` }).click();
  const launchUrl = (await launched).url();
  expect(new URL(launchUrl).searchParams.get("code")).toBeTruthy();

  await expect(user).toHaveURL(/\/portal$/);
  await expect(user.getByTestId("portal-profile")).toContainText(lead.username);
  await expect(user.getByTestId("portal-binding")).toContainText(app.corpId);
  expect(
    await db.auditLog.count({
      where: { action: "portal.sign_in", targetId: lead.id, details: { contains: "dingtalk_inapp" } },
    }),
  ).toBe(1);

  // The same code again (DingTalk's codes are single use): refused with the reason.
  await user.goto(launchUrl);
  await expect(refusal(user)).toContainText("DingTalk’s sign-in code was invalid, expired or already used");
});

test("[SSO][IN-APP]: outside DingTalk, without a launcher code, the page says to open it from DingTalk; a disabled IdP refuses", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `In-app plain ${uid}`);
  const user = await endUserPage(browser);

  await user.goto(`/sso/dingtalk/${idpId}`);
  await expect(refusal(user)).toContainText("This page signs you in from inside the DingTalk app");
  await db.identityProvider.update({ where: { id: idpId }, data: { status: "disabled" } });
  await user.goto(`/sso/dingtalk/${idpId}?code=anything`);
  await expect(refusal(user)).toContainText("DingTalk sign-in is not available for this identity provider");
  await expect(user.getByRole("link", { name: "Sign in another way" })).toHaveAttribute("href", "/portal/login");
});
