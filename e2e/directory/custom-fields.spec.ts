import { expect, test } from "../fixtures";

test("[DIRECTORY][CUSTOM FIELDS]: a new enum field validates its id and shows on the account form", async ({
  page,
  db,
  uid,
}) => {
  const id = `level_${uid}`.toLowerCase().replace(/[^a-z0-9_]/g, "");
  await page.goto("/directory/custom-fields");
  await expect(page.getByRole("cell", { name: "work_place", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "New custom field" }).click();
  await page.getByLabel("Field id").fill("Bad Id");
  await page.getByLabel("Display name").fill(`Level ${uid}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#cf-id-error")).toContainText("Start with a lowercase letter");
  await page.getByLabel("Field id").fill(id);
  await page.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Choice" }).click();
  await page.getByLabel("Options").fill("L1, L2, L3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("cell", { name: id, exact: true })).toBeVisible();
  expect(JSON.parse((await db.customFieldDefinition.findUniqueOrThrow({ where: { id } })).options)).toEqual([
    "L1",
    "L2",
    "L3",
  ]);

  await page.goto("/directory/accounts/new");
  await expect(page.getByText(`idpUser.customFields.${id}`)).toBeVisible();
  await db.customFieldDefinition.delete({ where: { id } });
});
