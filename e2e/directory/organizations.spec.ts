import { expect, test } from "../fixtures";

test("[DIRECTORY][OU]: moving an OU under its own child is refused and changes nothing", async ({ page, db, uid }) => {
  const root = await db.organizationalUnit.findFirstOrThrow({ where: { parentId: null, name: "Acme Group" } });
  const parent = await db.organizationalUnit.create({ data: { name: `Parent ${uid}`, parentId: root.id, order: 900 } });
  await db.organizationalUnit.create({ data: { name: `Child ${uid}`, parentId: parent.id } });
  await page.goto(`/directory/organizations?ou=${parent.id}`);
  await expect(page.getByRole("heading", { name: `Parent ${uid}` })).toBeVisible();
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await page.getByLabel("New parent").fill(`Child ${uid}`);
  await page.getByRole("button", { name: new RegExp(`Child ${uid}`) }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(
    "An organization cannot move under itself or one of its sub-organizations. Pick another parent.",
  );
  expect((await db.organizationalUnit.findUniqueOrThrow({ where: { id: parent.id } })).parentId).toBe(root.id);
  expect(await db.outboxEvent.count({ where: { objectId: parent.id } })).toBe(0);
});

test("[DIRECTORY][OU]: the tree expands lazily; create, rename and delete with confirmation", async ({
  page,
  db,
  uid,
}) => {
  await page.goto("/directory/organizations");
  const tree = page.getByRole("tree");
  await expect(tree.getByRole("link", { name: "Acme Group" })).toBeVisible();
  await expect(tree.getByRole("link", { name: "Sales" })).toHaveCount(0);
  await tree.getByRole("button", { name: "Expand Acme Group" }).click();
  await tree.getByRole("link", { name: "Sales" }).click();
  await expect(page.getByRole("heading", { name: "Sales", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Add sub-organization" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Bad-${uid}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#ou-name-error")).toHaveText(
    "DingTalk refuses “-” and “,” in department names. Remove them.",
  );
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Team ${uid}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(tree.getByRole("link", { name: `Team ${uid}` })).toBeVisible();

  const created = await db.organizationalUnit.findFirstOrThrow({ where: { name: `Team ${uid}` } });
  await page.goto(`/directory/organizations?ou=${created.id}`);
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Squad ${uid}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: `Squad ${uid}` })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("The organization is empty.");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "Sales", exact: true })).toBeVisible();
  expect(await db.organizationalUnit.count({ where: { id: created.id } })).toBe(0);
  expect(
    (await db.outboxEvent.findMany({ where: { objectId: created.id }, orderBy: { id: "asc" } })).map(
      (e) => e.operation,
    ),
  ).toEqual(["create", "update", "delete"]);
});
