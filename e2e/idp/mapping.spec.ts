import { expect, test } from "../fixtures";
import { createSandboxApp, sandboxCalls, seedScope, throughScenario } from "./helpers";

const WRITES = [
  "/topapi/v2/user/create",
  "/topapi/v2/user/update",
  "/topapi/v2/user/delete",
  "/topapi/v2/department/create",
  "/topapi/v2/department/update",
  "/topapi/v2/department/delete",
];

function writeCount(calls: { byPath: Record<string, Record<string, number>> }): number {
  return WRITES.reduce((n, path) => n + Object.values(calls.byPath[path] ?? {}).reduce((a, b) => a + b, 0), 0);
}

test("[MAPPING]: a syntax error is underlined and cannot be saved; the preview evaluates for the picked account", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `Mapping ${uid}`);

  await page.getByRole("combobox", { name: "Mapping type of Email" }).selectOption({ label: "Expression" });
  const input = page.getByRole("combobox", { name: "Expression of Email" });
  await input.fill('SubstringBefore(idpUser.email,"@"');
  await expect(page.getByTestId("expression-error")).toBeVisible();
  await expect(page.getByTestId("expression-mirror").locator("[data-error]")).toHaveCount(1);
  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Fix the highlighted rules first");
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: app.corpId } });
  expect(idp.status).toBe("draft");

  await input.fill('SubstringBefore(idpUser.email,"@")');
  await expect(page.getByTestId("expression-error")).toHaveCount(0);
  await page.getByLabel("Sample account").fill(lead.username);
  await page.getByRole("button", { name: new RegExp(lead.username) }).click();
  await expect(page.getByTestId("sample-account")).toContainText(lead.username);
  await expect(page.getByTestId("preview-user-email")).toHaveText(lead.email!.split("@")[0]);
  await input.fill('ToUpper(SubstringBefore(idpUser.email,"@"))');
  await expect(page.getByTestId("preview-user-email")).toHaveText(lead.email!.split("@")[0].toUpperCase());
});

test("[MAPPING]: Save only creates no run; Preview changes shows the plan without writing to DingTalk", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `Save only ${uid}`);
  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page).toHaveURL(/\/identity-providers\/[^/]+$/);
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: app.corpId } });
  expect(idp.status).toBe("enabled");
  expect(await db.syncRun.count({ where: { idpId: idp.id } })).toBe(0);
  expect(await db.fieldMappingRule.count({ where: { idpId: idp.id } })).toBeGreaterThan(5);

  const before = writeCount(await sandboxCalls(app.corpId));
  await page.getByRole("button", { name: "Preview changes (dry run)" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Records" })).toContainText("Planned");
  await expect(page.getByRole("table", { name: "Records" })).toContainText(root.name.replace("Root", "Team"));
  expect(writeCount(await sandboxCalls(app.corpId))).toBe(before);
});
