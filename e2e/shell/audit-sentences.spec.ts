import type { Page } from "@playwright/test";
import { E2E_BASE_URL } from "../env";
import { expect, LoginPage, test } from "../fixtures";
import { expectAccessible } from "../idp/helpers";

// Other specs write to the audit log in parallel: each test reads the entries of an actor of its own
// (the filter matches the actor's e-mail).

const newestSentence = (page: Page) => page.getByTestId("audit-entry").first().getByTestId("audit-sentence");

async function useLanguage(page: Page, locale: "en" | "zh-CN" | "ja") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
}

test.describe("signed in as an administrator of its own", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("[SHELL][AUDIT]: the newest entry reads as a sentence in English and Chinese, with the raw record under Details", async ({
    page,
    db,
    uid,
    freshAdmin,
  }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(freshAdmin.email, freshAdmin.password);
    await expect(page).toHaveURL(/\/$/);

    const username = `audit.${uid}`;
    const displayName = `审计 ${uid}`;
    await page.goto("/directory/accounts/new");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Display name").fill(displayName);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/directory\/accounts$/);
    const account = await db.account.findUniqueOrThrow({ where: { username } });

    await page.goto(`/audit-log?q=${encodeURIComponent(freshAdmin.email)}`);
    await expect(newestSentence(page)).toHaveText(`${freshAdmin.email} created the account ${displayName}`);
    // Its sign-in comes before it, as a sentence too.
    await expect(page.getByTestId("audit-sentence").nth(1)).toHaveText(`${freshAdmin.email} signed in with a password`);
    // The raw record is one click away, not the first thing shown.
    const row = page.getByTestId("audit-entry").first();
    const json = row.getByTestId("audit-details-json");
    await expect(json).toBeHidden();
    await row.getByText("Details", { exact: true }).click();
    await expect(json).toBeVisible();
    await expect(json).toHaveText(JSON.stringify({ username }, null, 2));
    await expect(row).toContainText(`account:${account.id}`);
    await expectAccessible(page, "audit log with a record's details open");

    await useLanguage(page, "zh-CN");
    await page.reload();
    await expect(newestSentence(page)).toHaveText(`${freshAdmin.email} 创建了账户 ${displayName}`);
    await expect(page.getByTestId("audit-sentence").nth(1)).toHaveText(`${freshAdmin.email} 使用密码登录`);
    await expectAccessible(page, "audit log in Chinese");
  });
});

test("[SHELL][AUDIT]: entries name the IdP, the account and the DingTalk user, and an object since deleted still reads as a sentence", async ({
  page,
  db,
  uid,
}) => {
  const actorLabel = `auditor.${uid}@example.com`;
  const idp = await db.identityProvider.create({
    data: { displayName: `Acme ${uid}`, corpId: `audit${uid}`, appKey: "k", appSecretEncrypted: "x" },
  });
  const account = await db.account.create({ data: { username: `linked.${uid}`, displayName: `张伟 ${uid}` } });
  const run = await db.syncRun.create({ data: { idpId: idp.id, kind: "full", trigger: "manual" } });
  await db.syncFailure.create({
    data: {
      idpId: idp.id,
      objectType: "user",
      localId: account.id,
      displayName: account.displayName,
      runId: run.id,
      reason: JSON.stringify({
        code: "clash_with_user",
        params: { field: "mobile", userid: `dt${uid}`, name: "Zhang Wei", departments: null },
      }),
    },
  });
  const at = Date.now();
  const entry = (offset: number, data: { action: string; targetType?: string; targetId?: string; details?: object }) =>
    db.auditLog.create({
      data: { ...data, actorLabel, details: JSON.stringify(data.details ?? {}), createdAt: new Date(at + offset) },
    });
  await entry(0, { action: "account.update", targetType: "account", targetId: `gone${uid}` });
  await entry(1, { action: "sync.full", targetType: "idp", targetId: idp.id, details: { planId: "p1" } });
  await entry(2, { action: "idp.mapping.update", targetType: "idp", targetId: idp.id });
  await entry(3, {
    action: "idp.conflict.link",
    targetType: "account",
    targetId: account.id,
    details: { idpId: idp.id, account: account.displayName, username: account.username, userid: `dt${uid}` },
  });

  await page.goto(`/audit-log?q=${encodeURIComponent(actorLabel)}`);
  await expect(page.getByTestId("audit-sentence")).toHaveText([
    `${actorLabel} linked the account 张伟 ${uid} to the DingTalk user Zhang Wei (dt${uid}) for Acme ${uid}`,
    `${actorLabel} changed the field mapping of Acme ${uid}`,
    `${actorLabel} applied a sync plan of Acme ${uid}`,
    `${actorLabel} changed the account a deleted account`,
  ]);
  await useLanguage(page, "ja");
  await page.reload();
  await expect(newestSentence(page)).toHaveText(
    `${actorLabel} が Acme ${uid} について、アカウント 张伟 ${uid} を DingTalk ユーザー Zhang Wei（dt${uid}） に関連付けました`,
  );
  await expectAccessible(page, "audit log in Japanese");
});
