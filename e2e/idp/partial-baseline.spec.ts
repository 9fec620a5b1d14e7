import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { createSandboxApp, seedScope, throughScenario, type SandboxApp, applyReview } from "./helpers";

/** A person already in the corp (not one of ours) who holds `email`: DingTalk refuses our create with 60106. */
async function dingTalkUserHolding(app: SandboxApp, userid: string, email: string) {
  const query = new URLSearchParams({ appkey: app.appKey, appsecret: app.appSecret });
  const token = (await (await fetch(`${E2E_SANDBOX_URL}/gettoken?${query}`)).json()) as { access_token: string };
  const res = await fetch(`${E2E_SANDBOX_URL}/topapi/v2/user/create?access_token=${token.access_token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userid, name: `Someone ${userid}`, email, dept_id_list: "1" }),
  });
  expect(((await res.json()) as { errcode: number }).errcode).toBe(0);
}

test("[PARTIAL BASELINE]: a first sync with per-object failures is the full sync: the IdP page says so and incremental sync can be turned on", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, team, lead, member } = await seedScope(db, uid);
  // Two accounts fail by themselves: DingTalk refuses one (its e-mail is someone else's),
  // the plan refuses the other (DingTalk takes 50 characters of e-mail at most).
  await dingTalkUserHolding(app, `other${uid.toLowerCase().replace(/[^a-z0-9]/g, "")}`, member.email!);
  const third = await db.account.create({
    data: {
      username: `${member.username}c`,
      displayName: `${member.displayName} C`,
      email: `${"x".repeat(60)}@example.com`,
      memberships: { create: { ouId: team.id, isPrimary: true } },
    },
  });

  await throughScenario(page, app, root.name, `Partial ${uid}`);
  const idpId = new URL(page.url()).searchParams.get("id")!;
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "partially_succeeded", {
    timeout: 60_000,
  });
  await expect(page.getByTestId("count-failed")).toHaveText("2");

  await page.goto(`/identity-providers/${idpId}`);
  const partial = page.getByTestId("last-full-sync-partial");
  await expect(partial).toHaveText("Partially succeeded, 2 objects need attention");
  await partial.getByRole("link", { name: "2 objects need attention" }).click();
  await expect(page).toHaveURL(/#sync-failures$/);
  const failures = page.locator("#sync-failures");
  await expect(failures.getByRole("heading", { name: "2 objects failed to sync" })).toBeVisible();
  await expect(failures).toContainText(member.displayName);
  await expect(failures).toContainText(third.displayName);
  await expect(failures).not.toContainText(lead.displayName);

  await page.getByRole("link", { name: "Modify" }).click();
  await page.getByRole("tab", { name: "Scenario" }).click();
  const incremental = page.getByRole("switch", { name: "Incremental sync" });
  await expect(incremental).toBeEnabled();
  await incremental.click();
  await expect(incremental).toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
  expect(idp.incrementalSync).toBe(true);
  expect(idp.lastFullSyncAt).not.toBeNull();
});
