import type { Page } from "@playwright/test";
import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import {
  createSandboxApp,
  expectAccessible,
  sandboxCalls,
  sandboxState,
  throughScenario,
  type SandboxState,
} from "./helpers";

// Issue 13: the whole demo directory into a DingTalk corp that already has people. The sandbox's
// seeded users share an e-mail (dt0001-dt0005), a mobile (dt0006-dt0008, and dt0001/dt0003 with two
// edge-case accounts) or the userid (john.smith, maria.garcia) with demo accounts.

const WRITES = /\/(user|department)\/(create|update|delete)$/;

async function writeCount(corpId: string): Promise<number> {
  const { byPath } = await sandboxCalls(corpId);
  return Object.entries(byPath)
    .filter(([path]) => WRITES.test(path))
    .reduce((n, [, byCode]) => n + Object.values(byCode).reduce((a, b) => a + b, 0), 0);
}

type SeededUser = SandboxState["users"][number] & { mobile?: string };

async function usersById(corpId: string): Promise<Map<string, SeededUser>> {
  return new Map(((await sandboxState(corpId)).users as SeededUser[]).map((u) => [u.userid, u]));
}

/** Apply; other tests may edit the demo directory meanwhile, and then Apply shows the new plan instead: apply that. */
async function applyUntilWritten(page: Page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await expect(page).toHaveURL(/\/sync-runs\/|[?&]changed=1/, { timeout: 120_000 });
    if (page.url().includes("/sync-runs/")) return;
    await expect(page.getByText("The directory or DingTalk changed since the plan you reviewed")).toBeVisible();
  }
  throw new Error("the plan kept changing");
}

test("[FIRST SYNC]: the demo directory into a corp with people: review names the DingTalk users, nothing is written before Apply, one approved link writes that user only; the queue links and skips; incremental sync keeps it in step", async ({
  page,
  context,
  db,
  uid,
}) => {
  test.setTimeout(420_000);
  const app = await createSandboxApp(uid);
  const seeded = await fetch(`${E2E_SANDBOX_URL}/_sandbox/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ corpId: app.corpId, withPeople: true }),
  });
  expect(seeded.ok).toBe(true);
  const account = (username: string) => db.account.findUniqueOrThrow({ where: { username } });
  const [zhang, li, wang] = await Promise.all(["zhang.wei", "li.na", "wang.fang"].map(account));
  const before = await usersById(app.corpId);
  expect(before.get("dt0001")?.name).toBe("Zhang Wei");

  await throughScenario(page, app, "Acme Group", `First sync ${uid}`);
  const idpId = new URL(page.url()).searchParams.get("id")!;
  const writesBefore = await writeCount(app.corpId);
  await page.getByRole("button", { name: "Save and sync" }).click();
  await expect(page).toHaveURL(/\/review\//, { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Review the sync plan" })).toBeVisible();
  await expect(page.getByText("First sync: review what happens before anything is written")).toBeVisible();

  // Conflicts come first, each naming the DingTalk user that holds the value.
  const conflicts = page.getByRole("table", { name: "Conflicts" });
  await expect(page.getByTestId("review-group-conflict")).toHaveAttribute("aria-current", "page");
  const zhangRow = conflicts
    .getByTestId("review-item")
    .filter({ hasText: zhang.displayName })
    .filter({ hasText: "dt0001" });
  await expect(zhangRow).toContainText("Zhang Wei");
  await expect(zhangRow).toContainText("Holds the Email:");
  await expect(conflicts.getByTestId("review-item").filter({ hasText: "dt0006" })).toContainText("Chen Jie");
  await expectAccessible(page, "Review of the first sync (conflicts)");

  // Same userid: a link by the mapping identifier, shown with the DingTalk user as it is now.
  await page.getByTestId("review-group-link").click();
  await expect(page).toHaveURL(/group=link/);
  const links = page.getByRole("table", { name: "Links to existing DingTalk users" });
  await expect(links.getByTestId("review-item").filter({ hasText: "john.smith" })).toContainText("John Smith");
  expect(await writeCount(app.corpId)).toBe(writesBefore);

  // Approve one link in the review: the plan is computed again with it, still nothing written.
  await page.getByTestId("review-group-conflict").click();
  await expect(page).toHaveURL(/group=conflict/);
  const planOf = (url: string) => new URL(url).pathname.split("/").at(-1);
  const firstPlan = planOf(page.url());
  await conflicts
    .getByTestId("review-item")
    .filter({ hasText: zhang.displayName })
    .filter({ hasText: "dt0001" })
    .getByRole("button", { name: "Link to Zhang Wei" })
    .click();
  await expect(page.getByText(`${zhang.displayName} is linked. The plan was computed again.`)).toBeVisible({
    timeout: 60_000,
  });
  await expect.poll(() => planOf(page.url())).not.toBe(firstPlan);
  await page.getByTestId("review-group-link").click();
  await expect(page).toHaveURL(/group=link/);
  const linked = links.getByTestId("review-item").filter({ hasText: zhang.displayName });
  await expect(linked).toContainText("Linked by an administrator");
  await expect(linked).toContainText("Zhang Wei");
  expect(await writeCount(app.corpId)).toBe(writesBefore);

  await applyUntilWritten(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "partially_succeeded", {
    timeout: 240_000,
  });
  const runUrl = page.url();
  const after = await usersById(app.corpId);
  // The approved link wrote dt0001; the other people DingTalk already had are untouched.
  expect(after.get("dt0001")).toMatchObject({ name: zhang.displayName });
  for (const userid of ["dt0002", "dt0003", "dt0004", "dt0005", "dt0006", "dt0007", "dt0008"])
    expect(after.get(userid)).toEqual(before.get(userid));
  expect(await db.binding.findFirst({ where: { idpId, localId: zhang.id } })).toMatchObject({ remoteId: "dt0001" });

  // The conflict queue on the IdP page: link Li Na's account to dt0002, skip Wang Fang's.
  await page.goto(`/identity-providers/${idpId}`);
  await expect(page.getByTestId("last-full-sync-partial")).toBeVisible();
  const queue = page.locator("#sync-failures");
  const liRow = queue.getByRole("row").filter({ hasText: li.displayName });
  await expect(liRow).toContainText("dt0002");
  await liRow.getByRole("button", { name: "Link to Li Na" }).click();
  await expect(page.getByText(`${li.displayName} is linked.`)).toBeVisible();
  await expect
    .poll(async () => (await db.binding.findFirst({ where: { idpId, localId: li.id } }))?.remoteId, { timeout: 60_000 })
    .toBe("dt0002");
  await expect.poll(async () => (await usersById(app.corpId)).get("dt0002")?.name).toBe(li.displayName);

  await page.reload();
  const wangRow = page.locator("#sync-failures").getByRole("row").filter({ hasText: wang.displayName });
  await wangRow.getByRole("button", { name: "Skip this account" }).click();
  const skipped = page.locator("#skipped-accounts");
  await expect(skipped.getByTestId("skipped-account").filter({ hasText: wang.displayName })).toBeVisible();
  await expect(page.locator("#sync-failures").getByRole("row").filter({ hasText: wang.displayName })).toHaveCount(0);
  await expectAccessible(page, "Identity provider with its conflict queue and skipped accounts");
  const decisions = await db.auditLog.findMany({
    where: { action: { in: ["idp.conflict.link", "idp.conflict.skip"] }, targetId: { in: [zhang.id, li.id, wang.id] } },
  });
  expect(decisions.map((d) => d.action).sort()).toEqual([
    "idp.conflict.link",
    "idp.conflict.link",
    "idp.conflict.skip",
  ]);

  // A partial success is a baseline: incremental sync can be turned on, and keeps DingTalk in step.
  await page.getByRole("link", { name: "Modify" }).click();
  await page.getByRole("tab", { name: "Scenario" }).click();
  const incremental = page.getByRole("switch", { name: "Incremental sync" });
  await expect(incremental).toBeEnabled();
  await incremental.click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const john = await account("john.smith");
  await page.goto(`/directory/accounts/${john.id}`);
  await page.getByLabel("Job title").fill(`Staff Engineer ${uid}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Account saved.")).toBeVisible();
  await expect
    .poll(async () => ((await usersById(app.corpId)).get("john.smith") as { title?: string })?.title, {
      timeout: 60_000,
    })
    .toBe(`Staff Engineer ${uid}`);
  expect((await usersById(app.corpId)).get("dt0003")).toEqual(before.get("dt0003"));

  // The first run's page in Chinese: reasons in words, departments by name, no codes or internal ids.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto(runUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("同步运行");
  await expect(page.getByRole("table", { name: "记录" })).toBeVisible();
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\bou:[a-z0-9]/);
  expect(text).not.toMatch(/\bc[a-z0-9]{24}\b/);
  expect(text).not.toMatch(/clash_with_user|dingtalk_conflict|bound_by_|syncReasons\.|runErrors\./);
});
