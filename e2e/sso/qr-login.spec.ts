import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import {
  bindAndSync,
  callAction,
  createSandboxApp,
  endUserPage,
  loginButton,
  openDingTalkLogin,
  refusal,
  sandboxClient,
  seedScope,
  serverActions,
  setQrLogin,
} from "./helpers";

const hasSession = async (page: import("@playwright/test").Page) =>
  (await page.context().cookies()).some((c) => c.name.includes("session-token"));

test("[SSO][QR]: QR code login on -> the button appears; a bound user scans on the sandbox page and lands on /portal as that account", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const name = `QR ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);
  const user = await endUserPage(browser);

  await user.goto("/portal/login");
  await expect(loginButton(user, name)).toHaveCount(0);
  await setQrLogin(page, idpId, true);
  await user.goto("/login");
  await expect(loginButton(user, name)).toBeVisible();
  await user.goto("/portal/login");
  await openDingTalkLogin(user, name);
  await expect(user.getByText(`Corp ${app.corpId}, app ${app.appKey}`)).toBeVisible();
  await user.getByRole("button", { name: `Scan as ${lead.displayName}` }).click();

  await expect(user).toHaveURL(/\/portal$/);
  await expect(user.getByRole("heading", { name: "My account" })).toBeVisible();
  const profile = user.getByTestId("portal-profile");
  await expect(profile).toContainText(lead.displayName);
  await expect(profile).toContainText(lead.username);
  await expect(profile).toContainText(lead.email!);
  await expect(profile).toContainText(root.name);
  const binding = user.getByTestId("portal-binding");
  await expect(binding).toContainText(name);
  await expect(binding).toContainText(app.corpId);
  await expect(binding).toContainText(lead.username); // the DingTalk userid the sync created
  expect(await db.auditLog.count({ where: { action: "portal.sign_in", targetId: lead.id } })).toBe(1);

  // A portal session is not a console session: pages, API routes and every server action refuse it.
  await user.goto("/identity-providers");
  await expect(user).toHaveURL(/\/login$/);
  expect((await user.request.get("/api/directory/ous?parentId=root")).status()).toBe(401);
  for (const action of serverActions())
    expect(await callAction(user, action), `action ${action.id}`).toContain('"code":"errors.unauthorized"');

  await user.goto("/portal");
  await user.getByRole("button", { name: "Sign out" }).click();
  await expect(user).toHaveURL(/\/portal\/login$/);
  expect(await hasSession(user)).toBe(false);
  await user.goto("/portal");
  await expect(user).toHaveURL(/\/portal\/login$/);
});

test("[SSO][QR]: an unbound DingTalk user and a disabled account are refused with the reason, and get no session", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, member } = await seedScope(db, uid);
  const name = `QR unbound ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);
  await setQrLogin(page, idpId, true);
  await sandboxClient(app).createUser({
    userid: `stranger${uid}`.toLowerCase(),
    name: `Stranger ${uid}`,
    deptIdList: [1],
  });
  const user = await endUserPage(browser);

  await user.goto("/portal/login");
  await openDingTalkLogin(user, name);
  await user.getByRole("button", { name: `Scan as Stranger ${uid}` }).click();
  await expect(user).toHaveURL(/\/portal\/login\?error=unbound$/);
  await expect(refusal(user)).toContainText("Your DingTalk user is not linked to an account in this directory");
  expect(await hasSession(user)).toBe(false);

  await db.account.update({ where: { id: member.id }, data: { status: "disabled" } });
  await openDingTalkLogin(user, name); // the refusal page offers the buttons again
  await user.getByRole("button", { name: `Scan as ${member.displayName}` }).click();
  await expect(user).toHaveURL(/error=account_disabled$/);
  await expect(refusal(user)).toContainText("Your account is disabled");
  await user.goto("/portal");
  await expect(user).toHaveURL(/\/portal\/login$/);
  expect(await hasSession(user)).toBe(false);
  expect(await db.auditLog.count({ where: { action: "auth.sign_in_refused", details: { contains: idpId } } })).toBe(2);
});

test("[SSO][QR]: a tampered state, a callback replayed, or carried to another browser is refused", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const name = `QR state ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);
  await setQrLogin(page, idpId, true);
  const user = await endUserPage(browser);

  // Tampered: the state DingTalk returns is not the one this browser was sent with.
  await user.goto("/portal/login");
  await openDingTalkLogin(user, name);
  await user
    .locator('input[name="state"]')
    .evaluateAll((inputs) => inputs.forEach((i) => ((i as HTMLInputElement).value = "tampered-state")));
  await user.getByRole("button", { name: `Scan as ${lead.displayName}` }).click();
  await expect(user).toHaveURL(/error=state_invalid$/);
  await expect(refusal(user)).toContainText("This sign-in could not be verified");
  expect(await hasSession(user)).toBe(false);

  // A real callback, taken to another browser (which has no state cookie): refused there. The scan is
  // posted outside the page, so the callback URL is in hand before this browser follows it.
  await openDingTalkLogin(user, name);
  const scanForm = user.locator("form", { has: user.getByRole("button", { name: `Scan as ${lead.displayName}` }) });
  const fields = await scanForm.evaluate(
    (form) => Object.fromEntries(new FormData(form as HTMLFormElement)) as Record<string, string>,
  );
  const scan = await user.request.post(`${E2E_SANDBOX_URL}/oauth2/auth/scan`, { form: fields, maxRedirects: 0 });
  const callback = scan.headers().location ?? "";
  expect(callback).toContain(`/api/auth/callback/dingtalk-${idpId}?`);
  expect(new URL(callback).searchParams.get("authCode")).toBeTruthy();
  const other = await endUserPage(browser);
  await other.goto(callback);
  await expect(other).toHaveURL(/error=state_invalid$/);
  expect(await hasSession(other)).toBe(false);

  // In the browser it belongs to, the callback signs in once (the other browser's attempt spent
  // neither the state nor the code); replayed afterwards, it is refused.
  await user.goto(callback);
  await expect(user).toHaveURL(/\/portal$/);
  await user.goto(callback);
  await expect(user).toHaveURL(/error=state_invalid$/);
});

test("[SSO][QR]: QR login switched off -> no button, and the callback of a login already started refuses", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const name = `QR off ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);
  await setQrLogin(page, idpId, true);
  const user = await endUserPage(browser);
  await user.goto("/portal/login");
  await openDingTalkLogin(user, name);

  await setQrLogin(page, idpId, false);
  await user.getByRole("button", { name: `Scan as ${lead.displayName}` }).click();
  await expect(user).toHaveURL(/\/portal\/login\?error=idp_unavailable$/);
  await expect(refusal(user)).toContainText("DingTalk QR code login is off");
  await expect(loginButton(user, name)).toHaveCount(0);
  expect(await hasSession(user)).toBe(false);
  await user.goto("/login");
  await expect(loginButton(user, name)).toHaveCount(0);
  await user.goto(`/api/sso/dingtalk/${idpId}/start?to=console`);
  await expect(user).toHaveURL(/\/login\?error=idp_unavailable$/);
});

test("[SSO][QR]: an administrator linked to the account signs in to the console with DingTalk", async ({
  page,
  db,
  uid,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const name = `QR admin ${uid}`;
  const idpId = await bindAndSync(page, app, root.name, name);
  await setQrLogin(page, idpId, true);
  const email = `linked-${uid}@example.com`.toLowerCase();
  await db.admin.create({
    data: { email, name: `Linked ${uid}`, passwordHash: "not-a-bcrypt-hash", linkedAccountId: lead.id },
  });
  const user = await endUserPage(browser);

  await user.goto("/login");
  await openDingTalkLogin(user, name);
  await user.getByRole("button", { name: `Scan as ${lead.displayName}` }).click();
  await expect(user).toHaveURL(/localhost:\d+\/$/);
  await expect(user.getByRole("heading", { name: "Quick Start" })).toBeVisible();
  await expect(user.getByTestId("user-menu")).toContainText(`Linked ${uid}`);
  expect(await db.auditLog.count({ where: { action: "auth.sign_in", actorLabel: email } })).toBe(1);

  await user.goto("/portal");
  await expect(user.getByText("You are signed in as the administrator linked to this account.")).toBeVisible();
  await expect(user.getByTestId("portal-profile")).toContainText(lead.username);
  await expect(user.getByRole("link", { name: "Open the console" })).toBeVisible();
});
