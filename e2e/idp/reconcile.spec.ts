import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { bindAndSync, createSandboxApp, expectAccessible, sandboxState, seedScope, type SandboxApp } from "./helpers";

/** A write through the sandbox's DingTalk API, as another DingTalk administrator would make it. */
async function dingtalk(app: SandboxApp, path: string, body: Record<string, unknown>) {
  const token = (await (
    await fetch(`${E2E_SANDBOX_URL}/gettoken?appkey=${app.appKey}&appsecret=${app.appSecret}`)
  ).json()) as { access_token: string };
  const res = await fetch(`${E2E_SANDBOX_URL}${path}?access_token=${token.access_token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { errcode: number };
  expect(answer.errcode).toBe(0);
}

test("[RECONCILE]: a bound user renamed in DingTalk is listed as changed with its diff, and Repair now restores it", async ({
  page,
  db,
  uid,
}) => {
  test.setTimeout(180_000);
  const app = await createSandboxApp(uid);
  const { root, member } = await seedScope(db, uid);
  const idpId = await bindAndSync(page, app, root.name, `Reconcile ${uid}`);
  const binding = await db.binding.findFirstOrThrow({ where: { idpId, objectType: "user", localId: member.id } });
  await dingtalk(app, "/topapi/v2/user/update", { userid: binding.remoteId, name: "Renamed by hand" });
  await dingtalk(app, "/topapi/v2/user/create", {
    userid: `stranger${uid.toLowerCase().replace(/[^a-z0-9]/g, "")}`,
    name: "A stranger",
    dept_id_list: "1",
  });

  // The schedule and the policy on Modify, with the server's time zone.
  await page.goto(`/identity-providers/${idpId}/modify`);
  await page.getByRole("tab", { name: "Reconciliation" }).click();
  await expect(page.getByLabel("Schedule")).toHaveValue("daily");
  await expect(page.getByLabel("Time of day")).toHaveValue("03:00");
  await expect(page.getByText(/In the server's time zone: \S+/)).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Report only/ })).toBeChecked();
  await expectAccessible(page, "Modify > Reconciliation");
  await page.getByLabel("Schedule").selectOption("hours");
  await page.getByLabel("Every how many hours (1 to 168)").fill("6");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  expect(await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).toMatchObject({
    reconcileSchedule: "hours",
    reconcileEveryHours: 6,
    driftPolicy: "report",
  });

  await page.goto(`/identity-providers/${idpId}`);
  const section = page.getByTestId("drift-section");
  await expect(section).toContainText("DingTalk has not been reconciled yet.");
  await expect(section).toContainText(/Next scheduled reconciliation: .+ \(\S+\)/);
  await section.getByRole("button", { name: "Reconcile now" }).click();
  await expect(section.getByTestId("drift-status")).toContainText("Last reconciliation (started by an administrator)", {
    timeout: 60_000,
  });
  await expect(section.getByTestId("drift-status")).toContainText(
    "1 changed, 0 deleted, 0 moved, 1 unknown in DingTalk",
  );
  const changed = section.getByTestId("drift-item").filter({ hasText: member.displayName });
  await expect(changed).toContainText("Changed in DingTalk");
  await expect(changed).toContainText(`Name: DingTalk has Renamed by hand, the console wrote ${member.displayName}`);
  const stranger = section.getByTestId("drift-item").filter({ hasText: "A stranger" });
  await expect(stranger).toContainText("Unknown in DingTalk");
  await expect(stranger).toContainText("listed only, never changed or deleted");
  await expectAccessible(page, "IdP page with drift");

  // The filter lists one kind; the server pages it.
  await section.getByRole("link", { name: "Unknown in DingTalk (1)" }).click();
  await expect(page).toHaveURL(/drift=unknown/);
  await expect(page.getByTestId("drift-item")).toHaveCount(1);
  await page.getByTestId("drift-section").getByRole("link", { name: "All" }).click();
  await expect(page.getByTestId("drift-item")).toHaveCount(2);

  await page.getByTestId("drift-section").getByRole("button", { name: "Repair now" }).click();
  await expect(page).toHaveURL(/\/sync-runs\//, { timeout: 60_000 });
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const state = await sandboxState(app.corpId);
  expect(state.users.find((u) => u.userid === binding.remoteId)?.name).toBe(member.displayName);
  // The unknown user is left alone.
  expect(state.users.find((u) => u.name === "A stranger")).toBeTruthy();

  await page.goto(`/identity-providers/${idpId}`);
  await page.getByTestId("drift-section").getByRole("button", { name: "Reconcile now" }).click();
  await expect(page.getByTestId("drift-status")).toContainText("0 changed, 0 deleted, 0 moved, 1 unknown in DingTalk", {
    timeout: 60_000,
  });
});
