import { expect, test } from "../fixtures";
import { pickSource, sandboxState, seedScope, stepHeading, applyReview } from "./helpers";

// The only test that binds the seeded sandbox corp (a CorpId is unique per console).
test("[WIZARD][HAPPY PATH]: Quick Start -> four steps with the sandbox -> Save and sync -> DingTalk holds the mapped tree", async ({
  page,
  db,
  uid,
}) => {
  const { root, team, lead, member } = await seedScope(db, uid);
  await page.goto("/");
  await page
    .getByRole("main")
    .getByRole("link", { name: /^Bind DingTalk/ })
    .first()
    .click();
  await expect(stepHeading(page, "Create application")).toBeVisible();

  await page.getByRole("button", { name: "Use the DingTalk sandbox" }).click();
  await page.getByLabel("Display name").fill(`Sandbox ${uid}`);
  await expect(page.getByTestId("dev-egressIp")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(stepHeading(page, "Assign permissions")).toBeVisible();
  await expect(page.getByRole("cell", { name: "qyapi_manage_addresslist" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(stepHeading(page, "Select scenario")).toBeVisible();
  await expect(page.getByText("Test on a small scope first")).toBeVisible();
  await pickSource(page, root.name);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("target-name")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(stepHeading(page, "Field mapping")).toBeVisible();
  await page.getByRole("button", { name: "Save and sync" }).click();
  await applyReview(page);
  await expect(page.getByTestId("run-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  const state = await sandboxState("dingsandboxcorp");
  const teamDept = state.departments.find((d) => d.name === team.name);
  expect(teamDept?.parent_id).toBe(1);
  const leadUser = state.users.find((u) => u.userid === lead.username);
  const memberUser = state.users.find((u) => u.userid === member.username);
  expect(leadUser).toMatchObject({ name: lead.displayName, dept_id_list: [1] });
  expect(memberUser).toMatchObject({ name: member.displayName, dept_id_list: [teamDept!.dept_id] });

  const idp = await db.identityProvider.findUniqueOrThrow({ where: { corpId: "dingsandboxcorp" } });
  expect(idp.status).toBe("enabled");
  expect(idp.appSecretEncrypted).not.toContain("dingsandboxsecret");
  await page.goto("/identity-providers");
  await expect(page.getByTestId("idp-row-dingsandboxcorp")).toContainText("Enabled");
});
