import { expect, test } from "../fixtures";
import { bindAndSync, createSandboxApp, sandboxState, seedScope, applyReview } from "./helpers";

type SandboxUser = { userid: string; name: string; title?: string };

async function sandboxUser(corpId: string, userid: string): Promise<SandboxUser | undefined> {
  return ((await sandboxState(corpId)).users as SandboxUser[]).find((u) => u.userid === userid);
}

test("[MAINTAIN]: a later Configure Field Mapping change with Save and sync updates the users in the sandbox", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead, member } = await seedScope(db, uid);
  const numbers = { [lead.id]: `E${uid}A`, [member.id]: `E${uid}B` };
  for (const [id, employeeNumber] of Object.entries(numbers))
    await db.account.update({ where: { id }, data: { employeeNumber } });
  const idpId = await bindAndSync(page, app, root.name, `Maintain ${uid}`);
  expect(await sandboxUser(app.corpId, lead.username)).toMatchObject({ title: "Engineer" });

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("link", { name: "Configure Field Mapping" }).click();
  await expect(page).toHaveURL(/\/field-mapping$/);
  await page.getByRole("combobox", { name: "Mapping type of Title" }).selectOption({ label: "Expression" });
  await page
    .getByRole("combobox", { name: "Expression of Title" })
    .fill('Append(idpUser.jobTitle, " (", idpUser.employeeNumber, ")")');
  await expect(page.getByTestId("expression-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("count-updated")).toHaveText("2");

  for (const account of [lead, member]) {
    expect(await sandboxUser(app.corpId, account.username)).toMatchObject({
      name: account.displayName,
      title: `Engineer (${numbers[account.id]})`,
    });
  }
  const rule = await db.fieldMappingRule.findFirstOrThrow({
    where: { idpId, objectType: "user", targetField: "title" },
  });
  expect(rule).toMatchObject({
    kind: "expression",
    source: 'Append(idpUser.jobTitle, " (", idpUser.employeeNumber, ")")',
  });
});

test("[MAINTAIN]: with incremental sync on, editing an account in the directory updates its DingTalk user in the sandbox within a few seconds", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `Incremental ${uid}`);

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("link", { name: "Modify" }).click();
  await page.getByRole("tab", { name: "Scenario" }).click();
  const incremental = page.getByRole("switch", { name: "Incremental sync" });
  await expect(incremental).toBeEnabled();
  await incremental.click();
  await expect(incremental).toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).toMatchObject({
    incrementalSync: true,
  });

  const renamed = `Renamed ${uid}`;
  await page.goto(`/directory/accounts/${lead.id}`);
  await page.getByLabel("Display name").fill(renamed);
  await page.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await db.account.findUniqueOrThrow({ where: { id: lead.id } })).displayName)
    .toBe(renamed);

  await expect
    .poll(async () => (await sandboxUser(app.corpId, lead.username))?.name, {
      timeout: 20_000,
      intervals: [250, 500, 1000],
    })
    .toBe(renamed);
  const run = await db.syncRun.findFirst({ where: { idpId, kind: "incremental" }, orderBy: { createdAt: "desc" } });
  expect(run).toMatchObject({ trigger: "incremental" });
});
