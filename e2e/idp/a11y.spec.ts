import { expect, test } from "../fixtures";
import {
  createSandboxApp,
  expectAccessible,
  fillApplication,
  pickSource,
  seedScope,
  stepHeading,
  throughScenario,
} from "./helpers";

test("[A11Y]: the four wizard steps have no serious or critical axe violation", async ({ page, db, uid }) => {
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  await page.goto("/identity-providers/new/dingtalk");
  await expect(stepHeading(page, "Create application")).toBeVisible();
  await expectAccessible(page, "Step 1 (empty)");

  await fillApplication(page, { ...app, displayName: `A11y wizard ${uid}` });
  await expectAccessible(page, "Step 1 (filled, private deployment)");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await expectAccessible(page, "Step 2");

  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await pickSource(page, root.name);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("target-name")).toBeVisible();
  await expectAccessible(page, "Step 3");

  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, "Field mapping")).toBeVisible();
  await expectAccessible(page, "Step 4");

  // With a sample account picked, an expression rule and a syntax error on screen.
  await page.getByLabel("Sample account").fill(lead.username);
  await page.getByRole("button", { name: new RegExp(lead.username) }).click();
  await expect(page.getByTestId("sample-account")).toContainText(lead.username);
  await page.getByRole("combobox", { name: "Mapping type of Email" }).selectOption({ label: "Expression" });
  await page.getByRole("combobox", { name: "Expression of Email" }).fill('SubstringBefore(idpUser.email,"@"');
  await expect(page.getByTestId("expression-error")).toBeVisible();
  await page.keyboard.press("Escape");
  await expectAccessible(page, "Step 4 (preview and expression error)");
});

test("[A11Y]: the overview, Configure Field Mapping, a sync run and the run list have no serious or critical axe violation", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(150_000);
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `A11y ${uid}`);
  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page).toHaveURL(/\/identity-providers\/[^/?]+$/);
  await expect(page.getByRole("button", { name: "Preview changes (dry run)" })).toBeVisible();
  await expectAccessible(page, "Identity provider overview");

  await page.getByRole("link", { name: "Configure Field Mapping" }).click();
  await expect(page).toHaveURL(/\/field-mapping$/);
  await expect(page.getByRole("combobox", { name: "Mapping type of Email" })).toBeVisible();
  await expectAccessible(page, "Configure Field Mapping");

  await page.goBack();
  await page.getByRole("button", { name: "Preview changes (dry run)" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Records" })).toBeVisible();
  await expectAccessible(page, "Sync run");

  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: app.corpId } });
  await page.goto(`/identity-providers/${idp.id}/sync-runs`);
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "Sync runs of the identity provider");
});
