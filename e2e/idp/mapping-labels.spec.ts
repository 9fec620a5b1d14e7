import { E2E_BASE_URL } from "../env";
import { expect, test } from "../fixtures";
import { createSandboxApp, seedScope, throughScenario } from "./helpers";

// DingTalk fields are labelled from their keys in the reader's language; an added field keeps its typed label.
const LABELS = {
  ja: {
    user: ["ユーザー ID", "氏名", "携帯電話番号", "メールアドレス", "役職", "社員番号"],
    org: "部署名",
    expressionOf: "社員番号 の式",
  },
  "zh-CN": {
    user: ["用户 ID", "姓名", "手机号", "邮箱", "职位", "工号"],
    org: "部门名称",
    expressionOf: "工号的表达式",
  },
} as const;
const ENGLISH = ["UserID", "Name", "Mobile", "Email", "Title", "Job number"];

for (const locale of ["ja", "zh-CN"] as const) {
  test(`[MAPPING][${locale}]: DingTalk field names are in the page's language, also in accessible names`, async ({
    page,
    context,
    db,
    uid,
  }) => {
    const app = await createSandboxApp(uid);
    const { root } = await seedScope(db, uid);
    await throughScenario(page, app, root.name, `Labels ${uid}`);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
    await page.reload();
    const labels = LABELS[locale];
    const userTable = page.getByTestId("rule-user-userid").locator("xpath=ancestor::table");
    await expect(page.getByTestId("rule-user-name")).toContainText(labels.user[1]);
    for (const [i, field] of ["userid", "name", "mobile", "email", "title", "job_number"].entries()) {
      await expect(page.getByTestId(`rule-user-${field}`)).toContainText(labels.user[i]);
    }
    await expect(page.getByTestId("rule-organization-name")).toContainText(labels.org);
    const text = (await userTable.innerText()) + (await page.getByTestId("rule-organization-name").innerText());
    for (const english of ENGLISH) expect(text).not.toMatch(new RegExp(`(^|\\s)${english}(\\s|$)`));

    // The accessible names use the same words: an expression input is found by its translated field name.
    const kind = page.getByTestId("rule-user-job_number").getByRole("combobox").first();
    await kind.selectOption({ value: "expression" });
    await expect(page.getByRole("combobox", { name: labels.expressionOf })).toBeVisible();

    // An added field keeps the label its administrator typed, whatever the language.
    await page.getByRole("button", { name: locale === "ja" ? "ユーザーのフィールドを追加" : "添加用户字段" }).click();
    const group = page.getByRole("group", { name: locale === "ja" ? "ユーザーのフィールドを追加" : "添加用户字段" });
    await group.getByLabel(locale === "ja" ? "フィールド名" : "字段名称").fill("Desk location");
    await group.getByLabel(locale === "ja" ? "フィールド ID" : "字段 ID", { exact: true }).fill("work_place");
    await group.getByRole("button", { name: locale === "ja" ? "追加" : "添加", exact: true }).click();
    await expect(page.getByTestId("rule-user-work_place")).toContainText("Desk location");
  });
}
