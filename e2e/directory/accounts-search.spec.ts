import { expect, test } from "../fixtures";
import { expectAccessible } from "../idp/helpers";

test("[DIRECTORY][ACCOUNTS][SEARCH]: typing filters the list without Enter, keeps the URL in step, and Enter still searches", async ({
  page,
  db,
  uid,
}) => {
  const ou = await db.organizationalUnit.create({ data: { name: `Search OU ${uid}` } });
  const prefix = `find.${uid}`;
  const escaped = `find\\.${uid}`;
  await db.account.create({
    data: {
      username: `${prefix}.alpha`,
      displayName: `Alpha ${uid}`,
      memberships: { create: { ouId: ou.id, isPrimary: true } },
    },
  });
  await db.account.create({
    data: {
      username: `${prefix}.alpine`,
      displayName: `Alpine ${uid}`,
      memberships: { create: { ouId: ou.id, isPrimary: true } },
    },
  });
  await db.account.create({ data: { username: `${prefix}.beta`, displayName: `Beta ${uid}` } });

  await page.goto("/directory/accounts");
  const search = page.getByRole("searchbox");
  const rows = page.getByRole("link", { name: new RegExp(escaped) });

  // Typed, no Enter: the list follows once typing pauses.
  await search.pressSequentially(prefix, { delay: 20 });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${escaped}$`));
  await expect(rows).toHaveCount(3);
  await expect(page.getByText("3 items", { exact: true })).toBeVisible();
  await search.pressSequentially(".alp", { delay: 20 });
  await expect(page).toHaveURL(new RegExp(`q=${escaped}\\.alp$`));
  await expect(rows).toHaveCount(2);
  await expect(search).toHaveValue(`${prefix}.alp`);

  // Enter searches by itself: the value is set without an input event, so no typing pause can have done it.
  await search.evaluate((input, value) => ((input as HTMLInputElement).value = value), `${prefix}.beta`);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${escaped}\\.beta$`));
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("link", { name: `${prefix}.beta` })).toBeVisible();

  // Within an organization: typing keeps the filter, and clearing the box lists the organization again.
  await page.goto(`/directory/accounts?ou=${ou.id}`);
  await page.getByRole("searchbox").pressSequentially(`${prefix}.alpi`, { delay: 20 });
  await expect(page).toHaveURL(new RegExp(`ou=${ou.id}.*q=${escaped}\\.alpi$`));
  await expect(rows).toHaveCount(1);
  await page.getByRole("searchbox").fill("");
  await expect(page).toHaveURL(new RegExp(`\\?ou=${ou.id}$`));
  await expect(page.getByText("2 items", { exact: true })).toBeVisible();
  await expectAccessible(page, "accounts filtered by an organization");
});
