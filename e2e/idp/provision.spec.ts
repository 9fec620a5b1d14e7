import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import {
  applyReview,
  createSandboxApp,
  expectAccessible,
  sandboxCalls,
  sandboxState,
  seedScope,
  throughScenario,
} from "./helpers";

/** The sandbox corp with its seeded people: dt0006 (Chen Jie) holds +86-13800000006. */
async function withPeople(corpId: string) {
  const res = await fetch(`${E2E_SANDBOX_URL}/_sandbox/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ corpId, withPeople: true }),
  });
  expect(res.ok).toBe(true);
}

const writes = (calls: { byPath: Record<string, Record<string, number>> }) =>
  Object.entries(calls.byPath)
    .filter(([path]) => /\/(create|update|delete)$/.test(path))
    .reduce((n, [, outcomes]) => n + Object.values(outcomes).reduce((a, b) => a + b, 0), 0);

test("[PROVISION]: from an account's page, Sync to DingTalk now shows each step and writes that account and its department only", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const { root, team, lead, member } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `Provision ${uid}`);
  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page).toHaveURL(/\/identity-providers\/[^/?]+$/);
  // Nothing of the directory is in DingTalk yet (the permission check of step 2 leaves nothing behind).
  expect((await sandboxState(app.corpId)).users).toEqual([]);

  await page.goto(`/directory/accounts/${member.id}`);
  const section = page.getByRole("region", { name: "Sync to DingTalk" });
  await expect(section).toContainText(`Provision ${uid}`);
  await expect(section).toContainText("Not in DingTalk yet");
  const push = section.getByRole("button", {
    name: new RegExp(`^Sync to DingTalk now ?: ${member.displayName} through Provision ${uid}$`),
  });
  // Before the first full sync everything waits for its review: the push says so and writes nothing.
  await push.click();
  await expect(section).toContainText("has not had its first full sync yet");
  expect((await sandboxState(app.corpId)).users).toEqual([]);
  // As after an applied first sync (of a scope without these accounts): single accounts may be pushed.
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: app.corpId } });
  await db.identityProvider.update({ where: { id: idp.id }, data: { lastFullSyncAt: new Date() } });
  await page.reload();
  await push.click();

  const steps = section.getByRole("status", { name: "Steps of the push to DingTalk" });
  await expect(steps).toContainText(`In scope through the organization ${root.name} / ${team.name}.`, {
    timeout: 60_000,
  });
  await expect(steps).toContainText(`No DingTalk user matches: a new user ${member.username} will be created.`);
  await expect(steps).toContainText(`Create the department ${team.name}`);
  await expect(steps).toContainText(`Create the user ${member.displayName}`);
  await expect(steps).toContainText("DingTalk accepted the write.", { timeout: 60_000 });
  await expect(steps.getByRole("link", { name: "Open the sync record" })).toBeVisible();
  await expectAccessible(page, "account page after a push");

  const state = await sandboxState(app.corpId);
  expect(state.users.map((u) => u.userid)).toEqual([member.username]);
  expect(state.users.some((u) => u.userid === lead.username)).toBe(false);
  const dept = state.departments.find((d) => d.name === team.name);
  expect(dept).toBeDefined();
  expect(state.users[0].dept_id_list).toEqual([dept!.dept_id]);

  // In step now: a second push says so and writes nothing.
  const before = writes(await sandboxCalls(app.corpId));
  await page.reload();
  await expect(section).toContainText("Bound to a DingTalk user");
  await section.getByRole("button", { name: /^Sync to DingTalk now/ }).click();
  await expect(steps).toContainText(`Matched by its binding to the DingTalk user ${member.username}.`, {
    timeout: 60_000,
  });
  await expect(steps).toContainText("Already in step with DingTalk: nothing was written.");
  expect(writes(await sandboxCalls(app.corpId))).toBe(before);
});

test("[PROVISION]: from the conflict list, the push names the DingTalk user holding the account's mobile and writes nothing", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  await withPeople(app.corpId);
  const { root, lead } = await seedScope(db, uid);
  await db.account.update({ where: { id: lead.id }, data: { phoneNumber: "13800000006", phoneRegion: "86" } });
  await throughScenario(page, app, root.name, `Provision conflict ${uid}`);
  const idpId = new URL(page.url()).searchParams.get("id")!;
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "partially_succeeded", {
    timeout: 60_000,
  });

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("button", { name: new RegExp(`^Sync to DingTalk now ?: ${lead.displayName}$`) }).click();
  const dialog = page.getByRole("dialog", { name: `Sync ${lead.displayName} to DingTalk now` });
  const before = await sandboxCalls(app.corpId);
  await dialog.getByRole("button", { name: new RegExp(`^Sync to DingTalk now ?: ${lead.displayName}$`) }).click();
  const steps = dialog.getByRole("status", { name: "Steps of the push to DingTalk" });
  await expect(steps).toContainText(`In scope through the organization ${root.name}.`, { timeout: 60_000 });
  await expect(steps).toContainText("The DingTalk user Chen Jie (dt0006");
  await expect(steps).toContainText("already holds this account's Mobile");
  await expect(steps).toContainText("Nothing was written: another DingTalk user holds this account's value.");
  await expectAccessible(page, "conflict list with the push dialog");
  expect(writes(await sandboxCalls(app.corpId))).toBe(writes(before));
  const state = await sandboxState(app.corpId);
  expect(state.users.some((u) => u.userid === lead.username)).toBe(false);
  expect(state.users.find((u) => u.userid === "dt0006")?.name).toBe("Chen Jie");
});
