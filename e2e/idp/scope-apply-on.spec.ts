import { expect, test } from "../fixtures";
import { applyReview, createSandboxApp, sandboxState, seedScope, throughScenario } from "./helpers";

type User = { userid: string; title?: string };

test("[SCOPE FILTER][APPLY ON CREATE]: the filter's preview, error and count before saving; only what it keeps is synced; a create-only title is not written back", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, lead, member } = await seedScope(db, uid);
  const otherEmail = member.email!.replace("@example.com", "@other.example");
  await db.account.update({ where: { id: member.id }, data: { email: otherEmail } });
  await throughScenario(page, app, root.name, `Scope ${uid}`);

  // The filter is checked as it is typed: only the account may be read.
  const filter = page.getByRole("combobox", { name: "Scoping filter expression" });
  await filter.fill("idpOrganizationalUnit.parentId == 1");
  await expect(page.getByTestId("scope-filter")).toContainText("The scoping filter can read only the account");
  await filter.fill('SubstringAfter(idpUser.email, "@") == "example.com"');
  await expect(page.getByTestId("scope-filter")).not.toContainText("can read only the account");

  // The sample account's verdict, then a count over the source organizations before saving.
  const pick = async (username: string) => {
    await page.getByLabel("Sample account").fill(username);
    await page.getByRole("button", { name: new RegExp(username) }).click();
    await expect(page.getByTestId("sample-account")).toContainText(username);
  };
  await pick(lead.username);
  await expect(page.getByTestId("scope-filter-preview")).toHaveText("For the sample account: in scope");
  await pick(member.username);
  await expect(page.getByTestId("scope-filter-preview")).toHaveText(
    "For the sample account: out of scope (the expression is not true)",
  );
  await page.getByRole("button", { name: "Count accounts" }).click();
  await expect(page.getByTestId("scope-filter-count")).toHaveText(
    "1 account in scope and 1 account out of scope among the 2 accounts of the source organizations.",
  );

  // The title is written when the user is created only.
  await page.getByTestId("rule-user-title-apply-on").selectOption({ label: "Only when creating the user" });
  await page.getByRole("button", { name: "Save and sync" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  await page.getByTestId("review-group-create").click();
  const creates = page.getByRole("table", { name: "Creates" });
  await expect(creates).toContainText(lead.displayName);
  await expect(creates).not.toContainText(member.displayName);
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const users = () => sandboxState(app.corpId).then((s) => s.users as User[]);
  expect((await users()).map((u) => u.userid)).toContain(lead.username);
  expect((await users()).map((u) => u.userid)).not.toContain(member.username);
  expect((await users()).find((u) => u.userid === lead.username)?.title).toBe("Engineer");

  // A later title change in the directory is not written to the user the console created.
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: app.corpId } });
  expect(idp.scopeFilter).toBe('SubstringAfter(idpUser.email, "@") == "example.com"');
  await db.account.update({ where: { id: lead.id }, data: { jobTitle: "Staff Engineer" } });
  await page.goto(`/identity-providers/${idp.id}`);
  await page.getByRole("button", { name: "Sync now" }).click();
  // Nothing to write after the first sync: applied at once, no review.
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 60_000 });
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  expect((await users()).find((u) => u.userid === lead.username)?.title).toBe("Engineer");
});
