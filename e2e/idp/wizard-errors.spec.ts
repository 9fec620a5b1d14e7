import { expect, test } from "../fixtures";
import { createSandboxApp, fillApplication, pickSource, READ_SCOPES, seedScope, stepHeading } from "./helpers";

test("[WIZARD][STEP 1]: a wrong AppSecret is refused with a clear message on the field", async ({ page, uid }) => {
  const app = await createSandboxApp(uid);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, appSecret: "not-the-secret", displayName: `Wrong ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#appSecret-error")).toContainText("AppKey and AppSecret");
  await expect(page.locator("#appSecret-error")).toContainText("40089");
  await expect(stepHeading(page, "Create application")).toBeVisible();
});

test("[WIZARD][STEP 2]: a read-only app is stopped with the missing permission named", async ({ page, uid }) => {
  const app = await createSandboxApp(uid, READ_SCOPES);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName: `Read-only ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "qyapi_manage_addresslist" })).toBeVisible();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
});

test("[WIZARD][STEP 3]: a target node that does not exist is refused", async ({ page, db, uid }) => {
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName: `Target ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  // Step 1's Next is enabled again for a moment before step 2 replaces it: wait for step 2.
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await pickSource(page, root.name);
  await page.getByLabel("Target DingTalk department ID").fill("987654");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#targetDeptId-error")).toContainText("There is no DingTalk department with this ID");
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
});

test("[WIZARD][RESUME]: a reload in the middle of the wizard resumes at the same step", async ({ page, uid }) => {
  const app = await createSandboxApp(uid);
  await page.goto("/identity-providers/new/dingtalk");
  await fillApplication(page, { ...app, displayName: `Resume ${uid}` });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await expect(page).toHaveURL(/\?id=/);
  await page.reload();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await page.reload();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();

  await page.goto("/identity-providers");
  const row = page.getByTestId(`idp-row-${app.corpId}`);
  await expect(row).toContainText("Draft");
  await row.getByRole("link", { name: `Continue the setup of Resume ${uid}` }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
});
