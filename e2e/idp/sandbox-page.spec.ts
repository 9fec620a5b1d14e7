import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { applyReview, expectAccessible, sandboxState, seedScope, throughScenario } from "./helpers";

const SEEDED_PEOPLE = 20;

test("[SANDBOX PAGE]: a second corp created on the sandbox page binds through the wizard, syncs after Apply, and its reset from the page empties it", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const { root, lead, member } = await seedScope(db, uid);

  await page.goto(`${E2E_SANDBOX_URL}/_sandbox`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DingTalk sandbox");
  await expect(page.getByRole("note")).toContainText("This is not DingTalk.");
  await expectAccessible(page, "Sandbox page");

  const corpName = `Second corp ${uid}`;
  const create = page.getByRole("form", { name: "Create a corp" });
  await create.getByLabel("Corp name").fill(corpName);
  await create.getByLabel("With people").check();
  await create.getByRole("button", { name: "Create corp" }).click();
  await expect(page.getByRole("heading", { name: `Corp ${corpName} created` })).toBeVisible();
  const read = (key: string) => page.getByTestId(`cred-${key}`).innerText();
  const app = { corpId: await read("corpId"), appKey: await read("appKey"), appSecret: await read("appSecret") };
  expect(app.corpId).toMatch(/^ding[0-9a-f]{16}$/);
  for (const key of ["apiBaseUrl", "v1BaseUrl", "loginBaseUrl"])
    await expect(page.getByTestId(`cred-${key}`)).toHaveText(E2E_SANDBOX_URL);
  await expectAccessible(page, "Sandbox page with a created corp");
  expect((await sandboxState(app.corpId)).users).toHaveLength(SEEDED_PEOPLE);

  // Bind it as an administrator would, with what the page showed.
  await throughScenario(page, app, root.name, `Sandbox page ${uid}`);
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const synced = (await sandboxState(app.corpId)).users.map((u) => u.userid);
  expect(synced).toEqual(expect.arrayContaining([lead.username, member.username]));
  expect(synced).toHaveLength(SEEDED_PEOPLE + 2);

  // Reset it from the page: a confirmation first, which changes nothing.
  await page.goto(`${E2E_SANDBOX_URL}/_sandbox`);
  await page.getByRole("link", { name: `Reset ${corpName}…` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reset ${corpName} (${app.corpId})?`);
  await expect(page.getByRole("main")).toContainText(`${SEEDED_PEOPLE + 2} users`);
  await expectAccessible(page, "Sandbox reset confirmation");
  expect((await sandboxState(app.corpId)).users).toHaveLength(SEEDED_PEOPLE + 2);
  await expect(page.getByLabel("Add the seeded people again")).not.toBeChecked();
  await page.getByRole("button", { name: "Reset corp" }).click();
  await expect(page.getByRole("status")).toHaveText(`${corpName} was reset: 1 department and 0 users now.`);
  const after = await sandboxState(app.corpId);
  expect(after.users).toEqual([]);
  expect(after.departments.map((d) => d.dept_id)).toEqual([1]);
});

test("[SANDBOX PAGE]: in Japanese by Accept-Language, in Chinese by the language switch; a refused field is named in the reader's language; axe clean", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto(`${E2E_SANDBOX_URL}/_sandbox`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("note")).toContainText("これは DingTalk ではありません。");
  await expect(page.getByRole("heading", { name: "企業を作成" })).toBeVisible();
  await expectAccessible(page, "Sandbox page (ja)");

  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "简体中文" }).click();
  await expect(page).toHaveURL(/lang=zh-CN/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("钉钉沙箱");
  await expect(page.getByRole("note")).toContainText("这不是钉钉。");
  await expectAccessible(page, "Sandbox page (zh-CN)");

  const create = page.getByRole("form", { name: "创建企业" });
  await create.getByLabel("企业名称").fill("Refused");
  await create.getByLabel("企业 CorpId").fill("has space");
  await create.getByRole("button", { name: "创建企业" }).click();
  await expect(page.getByRole("alert")).toHaveText("企业未创建：请修改下面标出的字段。");
  const corpId = page.getByLabel("企业 CorpId");
  await expect(corpId).toHaveAttribute("aria-invalid", "true");
  await expect(corpId).toHaveAccessibleDescription(/只能包含字母、数字、_ 和 -。/);
  await expect(page.getByLabel("企业名称")).toHaveValue("Refused");
  await expectAccessible(page, "Sandbox page with a refused field (zh-CN)");
  await context.close();
});
