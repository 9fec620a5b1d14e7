import type { Page } from "@playwright/test";
import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { applyReview, bindAndSync, createSandboxApp, sandboxState, seedScope, throughScenario } from "./helpers";

type User = { userid: string; name: string; dept_id_list: number[] };

/** The sandbox corp with its seeded people: Engineering (2), Sales (3), dt0006 holds +86-13800000006. */
async function withPeople(corpId: string) {
  const res = await fetch(`${E2E_SANDBOX_URL}/_sandbox/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ corpId, withPeople: true }),
  });
  expect(res.ok).toBe(true);
}

async function user(corpId: string, userid: string): Promise<User | undefined> {
  return ((await sandboxState(corpId)).users as User[]).find((u) => u.userid === userid);
}

async function choosePolicy(page: Page, idpId: string, policy: RegExp, holding?: string) {
  await page.goto(`/identity-providers/${idpId}/modify`);
  await page.getByRole("tab", { name: "Scenario" }).click();
  await page.getByRole("radio", { name: policy }).click();
  if (holding) await page.getByLabel("Holding department ID").fill(holding);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** Sync now; the review lists the account under "Deletes and deprovisioning" with the policy's words; Apply. */
async function syncLeaving(page: Page, idpId: string, name: string, words: RegExp, confirm = false) {
  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  await page.getByTestId("review-group-delete").click();
  await expect(page).toHaveURL(/group=delete/);
  const row = page.getByRole("table", { name: "Deletes and deprovisioning" }).getByTestId("review-item");
  await expect(row.filter({ hasText: name })).toContainText(words);
  if (confirm) await page.getByLabel(/Also carry out the 1 delete held for confirmation/).check();
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 60_000 });
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
}

test("[DEPROVISION]: move to a holding department, unbind, and delete (held, then confirmed on the review), each chosen in Modify", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(240_000);
  const app = await createSandboxApp(uid);
  await withPeople(app.corpId);
  const { root, team, lead, member } = await seedScope(db, uid);
  const third = await db.account.create({
    data: {
      username: `${member.username}c`,
      displayName: `${member.displayName} C`,
      memberships: { create: { ouId: team.id, isPrimary: true } },
    },
  });
  const idpId = await bindAndSync(page, app, root.name, `Deprovision ${uid}`);
  for (const a of [lead, member, third]) expect(await user(app.corpId, a.username)).toBeDefined();

  // Move: the disabled account's user goes to Sales (3) only, and stays bound.
  await choosePolicy(page, idpId, /Move the user to a holding department/, "3");
  await db.account.update({ where: { id: lead.id }, data: { status: "disabled" } });
  await syncLeaving(page, idpId, lead.displayName, /was disabled.*moved to the holding department/);
  expect((await user(app.corpId, lead.username))?.dept_id_list).toEqual([3]);
  expect(await db.binding.findFirst({ where: { idpId, localId: lead.id } })).not.toBeNull();

  // Unbind: the deleted account's user is left in DingTalk as it is; only the binding goes.
  await choosePolicy(page, idpId, /Unbind and leave the user in DingTalk/);
  const kept = await user(app.corpId, member.username);
  await db.account.delete({ where: { id: member.id } });
  await syncLeaving(page, idpId, kept!.name, /binding to the DingTalk user .* is removed/);
  expect(await user(app.corpId, member.username)).toEqual(kept);
  expect(await db.binding.findFirst({ where: { idpId, localId: member.id } })).toBeNull();

  // Delete: 1 of 2 bound users is over the 20 % threshold: held, and confirmed on the review.
  await choosePolicy(page, idpId, /Delete the DingTalk user/);
  await db.membership.deleteMany({ where: { accountId: third.id } });
  await syncLeaving(page, idpId, third.displayName, /no longer in a synced organization/, true);
  expect(await user(app.corpId, third.username)).toBeUndefined();
});

test("[MATCHING]: a same-mobile DingTalk user is a conflict; with the mobile fallback on, the review shows it as a link and Apply writes it", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  await withPeople(app.corpId);
  const { root, lead } = await seedScope(db, uid);
  await db.account.update({ where: { id: lead.id }, data: { phoneNumber: "13800000006", phoneRegion: "86" } });
  await throughScenario(page, app, root.name, `Matching ${uid}`);
  const idpId = new URL(page.url()).searchParams.get("id")!;
  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page).toHaveURL(/\/identity-providers\/[^/?]+$/);

  await page.getByRole("link", { name: "Configure Field Mapping" }).click();
  await page.getByRole("button", { name: "Save and sync" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  const conflict = page.getByRole("table", { name: "Conflicts" }).getByTestId("review-item");
  await expect(conflict.filter({ hasText: lead.displayName })).toContainText("Chen Jie");
  await page.getByRole("link", { name: "Back to the identity provider" }).click();

  await page.getByRole("link", { name: "Configure Field Mapping" }).click();
  const matching = page.getByTestId("matching");
  await matching.getByLabel("then link an existing DingTalk user with the same mobile").check();
  await expect(matching.getByTestId("fallback-mobile")).toContainText("2.");
  await page.getByRole("button", { name: "Save and sync" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  await page.getByTestId("review-group-link").click();
  const link = page.getByRole("table", { name: "Links to existing DingTalk users" }).getByTestId("review-item");
  await expect(link.filter({ hasText: lead.displayName })).toContainText("dt0006");
  await expect(link.filter({ hasText: lead.displayName })).toContainText("Chen Jie");
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  expect((await user(app.corpId, "dt0006"))?.name).toBe(lead.displayName);
  expect(await db.binding.findFirst({ where: { idpId, localId: lead.id } })).toMatchObject({ remoteId: "dt0006" });
});
