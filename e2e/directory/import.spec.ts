import { expect, test } from "../fixtures";

test("[DIRECTORY][CSV]: a CSV with 3 bad rows of 20 is previewed with each error, and the 17 valid rows import", async ({
  page,
  db,
  uid,
}) => {
  const header = "username,displayName,email,phoneRegion,phoneNumber,status,primaryOrganization,organizations";
  const rows = Array.from(
    { length: 20 },
    (_, i) =>
      `csv.${uid}.${i + 1},CSV ${i + 1},csv.${uid}.${i + 1}@example.com,86,1370000${String(i).padStart(4, "0")},enabled,Acme Group/Sales,`,
  );
  rows[2] = `csv.${uid}.3,CSV 3,not-an-email,86,13700000002,enabled,Acme Group/Sales,`; // row 4
  rows[9] = `csv.${uid}.10,CSV 10,csv.${uid}.10@example.com,86,13700000009,enabled,Acme Group/Atlantis,`; // row 11
  rows[14] = `bad name ${uid},CSV 15,csv.${uid}.15@example.com,86,13700000014,enabled,Acme Group/Sales,`; // row 16
  await page.goto("/directory/import");
  await page
    .getByTestId("csv-file-accounts")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText(
    "20 rows: 17 valid (17 new, 0 existing), 3 with errors. Nothing has been imported yet.",
  );
  const issues = preview.getByRole("row");
  await expect(issues).toHaveCount(4);
  await expect(issues.nth(1)).toContainText("4email");
  await expect(issues.nth(1)).toContainText("Enter a valid e-mail address");
  await expect(issues.nth(2)).toContainText("11primaryOrganization");
  await expect(issues.nth(2)).toContainText("No organization has this path");
  await expect(issues.nth(3)).toContainText("16username");
  expect(await db.account.count({ where: { username: { startsWith: `csv.${uid}.` } } })).toBe(0);

  await preview.getByRole("button", { name: "Import 17 valid rows" }).click();
  await expect(page).toHaveURL(/\/directory\/accounts$/);
  expect(await db.account.count({ where: { username: { startsWith: `csv.${uid}.` } } })).toBe(17);
});

test("[DIRECTORY][CSV]: Cancel imports nothing", async ({ page, db, uid }) => {
  await page.goto("/directory/import");
  const csv = `username,displayName\ncancel.${uid},Cancel Me`;
  await page
    .getByTestId("csv-file-accounts")
    .setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toHaveCount(0);
  expect(await db.account.count({ where: { username: `cancel.${uid}` } })).toBe(0);
});

test("[DIRECTORY][CSV]: the export downloads every account with the template's columns", async ({ page }) => {
  await page.goto("/directory/accounts");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text.split("\r\n")[0]).toBe(
    "\uFEFFusername,displayName,email,phoneRegion,phoneNumber,employeeNumber,jobTitle,externalId,status,description,primaryOrganization,organizations,custom.work_place",
  );
  expect(text).toContain("tanaka.yuki,田中 由紀,tanaka.yuki@example.com,81,");
});
