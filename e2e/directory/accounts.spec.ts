import { expect, test } from "../fixtures";

test("[DIRECTORY][ACCOUNTS]: invalid e-mail and a duplicate username get field errors, and nothing is saved", async ({
  page,
  db,
  uid,
}) => {
  const original = await db.account.findUniqueOrThrow({ where: { username: "zhang.wei" } });
  await page.goto("/directory/accounts/new");
  await page.getByLabel("Username").fill("zhang.wei");
  await page.getByLabel("Display name").fill(`Dup ${uid}`);
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid e-mail address, like name@example.com.");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("E-mail").fill(`dup.${uid}@example.com`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#username-error")).toHaveText("This username is already taken. Choose another.");
  await expect(page).toHaveURL(/\/directory\/accounts\/new$/);
  expect(await db.account.findUniqueOrThrow({ where: { username: "zhang.wei" } })).toEqual(original);
  expect(await db.account.count({ where: { displayName: `Dup ${uid}` } })).toBe(0);
});

test("[DIRECTORY][ACCOUNTS]: a valid account is created with its organization, listed and searchable", async ({
  page,
  db,
  uid,
}) => {
  const username = `e2e.user.${uid}`;
  await page.goto("/directory/accounts/new");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Display name").fill(`测试用户 ${uid}`);
  await page.getByLabel("E-mail").fill(`${username}@example.com`);
  await page.getByLabel("Mobile").fill("13912345678");
  await page.getByLabel("Add an organization").fill("Tokyo");
  await page.getByRole("button", { name: /Tokyo Office/ }).click();
  await expect(page.getByText("Acme Group/Japan Branch/Tokyo Office")).toBeVisible();
  await expect(page.getByText("Primary", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/directory\/accounts$/);

  await page.getByRole("searchbox").fill(username);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: username })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("Tokyo Office");

  const saved = await db.account.findUniqueOrThrow({
    where: { username },
    include: { memberships: { include: { ou: true } } },
  });
  expect(saved).toMatchObject({ phoneNumber: "13912345678", phoneRegion: "86", status: "enabled" });
  expect(saved.memberships.map((m) => [m.ou.name, m.isPrimary])).toEqual([["Tokyo Office", true]]);
  expect(await db.outboxEvent.count({ where: { objectId: saved.id, operation: "create" } })).toBe(1);
});

test("[DIRECTORY][ACCOUNTS]: bulk disable asks nothing, bulk delete confirms and says what happens in DingTalk", async ({
  page,
  db,
  uid,
}) => {
  const ids: string[] = [];
  for (const n of [1, 2])
    ids.push((await db.account.create({ data: { username: `bulk.${uid}.${n}`, displayName: `Bulk ${n}` } })).id);
  await db.binding.create({
    data: {
      idp: { create: { displayName: `IdP ${uid}`, corpId: `corp${uid}`, appKey: "k", appSecretEncrypted: "x" } },
      objectType: "user",
      localId: ids[0],
      remoteId: `bulk${uid}`,
    },
  });
  await page.goto(`/directory/accounts?q=bulk.${uid}`);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("row", { name: /Bulk 1/ })).toContainText("Disabled");
  expect(await db.account.count({ where: { id: { in: ids }, status: "disabled" } })).toBe(2);

  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    "1 of them is bound to a DingTalk user: that user is removed from DingTalk at the next sync.",
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await db.account.count({ where: { id: { in: ids } } })).toBe(2);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete 2 accounts" }).click();
  await expect(page.getByText("No results").or(page.getByText("Nothing here yet."))).toBeVisible();
  expect(await db.account.count({ where: { id: { in: ids } } })).toBe(0);
  expect(await db.outboxEvent.count({ where: { objectId: { in: ids }, operation: "delete" } })).toBe(2);
});
