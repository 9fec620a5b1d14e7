import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { bindAndSync, createSandboxApp, sandboxState, seedScope, applyReview } from "./helpers";

async function sandboxAdmin(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${E2E_SANDBOX_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

test("[RECOVER]: a refused account is listed on the run and the IdP page; fixed, Retry failed objects writes it and the list empties", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, member } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `Recover ${uid}`);

  // DingTalk takes 50 characters of e-mail at most: the plan refuses this one.
  await db.account.update({
    where: { id: member.id },
    data: { email: `${"x".repeat(60)}@example.com`, jobTitle: "Staff Engineer" },
  });
  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  await expect(page.getByTestId("count-failed")).toHaveText("1");
  const failedRun = page.url();

  await page.goto(`/identity-providers/${idpId}`);
  const failures = page.locator("section", { has: page.getByRole("heading", { name: "1 object failed to sync" }) });
  await expect(failures).toContainText(member.displayName);
  await expect(failures).toContainText("None: fix the cause, then Retry now");

  await db.account.update({ where: { id: member.id }, data: { email: `fixed.${uid.toLowerCase()}@example.com` } });
  await page.goto(failedRun);
  await page.getByRole("button", { name: "Retry failed objects" }).click();
  await expect(page).not.toHaveURL(failedRun);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("count-updated")).toHaveText("1");
  const user = (await sandboxState(app.corpId)).users.find((u) => u.userid === member.username);
  expect(user).toMatchObject({ email: `fixed.${uid.toLowerCase()}@example.com` });

  await page.goto(`/identity-providers/${idpId}`);
  await expect(page.getByRole("heading", { name: /failed to sync/ })).toHaveCount(0);
});

test("[RECOVER]: a running sync can be cancelled and says so", async ({ page, db, uid }) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `Cancel ${uid}`);

  // Ten new organizations: ten departments, created one after the other.
  for (let i = 0; i < 10; i++)
    await db.organizationalUnit.create({ data: { name: `Cancel ${uid} ${i}`, parentId: root.id, order: i + 1 } });
  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 60_000 });
  // Every DingTalk answer now takes 2 s: the run is still writing when Cancel is pressed.
  await sandboxAdmin("/_sandbox/faults", { corpId: app.corpId, latencyMs: 2000 });
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 90_000 });
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "running", { timeout: 30_000 });
  await page.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "cancelled", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  const runId = page.url().split("/").at(-1)!;
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  expect(run.status).toBe("cancelled");
  expect(run.created).toBeLessThan(10);
  const made = (await sandboxState(app.corpId)).departments.filter((d) => d.name.startsWith(`Cancel ${uid} `));
  expect(made.length).toBe(run.created);
  expect(await db.auditLog.count({ where: { action: "sync.cancel", targetId: runId } })).toBe(1);
});

test("[MODIFY]: rotating the AppSecret refuses a secret DingTalk rejects and keeps syncing with the new one", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `Rotate ${uid}`);
  const sealedBefore = (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).appSecretEncrypted;

  // The secret is rotated in DingTalk; tokens issued for the old one end.
  const rotated = `${app.appSecret}-rotated`;
  await sandboxAdmin("/_sandbox/apps", { ...app, appSecret: rotated });
  await sandboxAdmin("/_sandbox/expire-tokens", { corpId: app.corpId });

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("link", { name: "Modify" }).click();
  await page.getByRole("tab", { name: "Rotate AppSecret" }).click();
  const secret = page.getByLabel("New AppSecret");
  await secret.fill("not-the-secret");
  await page.getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "AppSecret" }).first()).toBeVisible();
  expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).appSecretEncrypted).toBe(sealedBefore);

  await secret.fill(rotated);
  await page.getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const after = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
  expect(after.appSecretEncrypted).not.toBe(sealedBefore);
  expect(after.appSecretEncrypted).not.toContain(rotated);
  await expect(page.locator("body")).not.toContainText(rotated);

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByRole("button", { name: "Sync now" }).click();
  // DingTalk, read with the new secret, is in step: nothing to review, the (empty) run is started at once.
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 60_000 });
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
});
