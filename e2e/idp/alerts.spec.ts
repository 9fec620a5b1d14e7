import { E2E_SANDBOX_URL } from "../env";
import { expect, test } from "../fixtures";
import { expectAccessible } from "./helpers";

type Robot = { accessToken: string; secret: string; path: string };

async function createRobot(name: string): Promise<Robot> {
  const res = await fetch(`${E2E_SANDBOX_URL}/_sandbox/robots`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as Robot;
}

test("[ALERTS]: a DingTalk group robot set on Modify > Alerts gets the test message; a tampered secret shows DingTalk's 310000 in words", async ({
  page,
  db,
  uid,
}) => {
  const name = `Alerts IdP ${uid}`;
  const idp = await db.identityProvider.create({
    data: { displayName: name, corpId: `dingalerts${uid}`, appKey: `key${uid}`, appSecretEncrypted: "unused" },
  });
  const robot = await createRobot(`Ops group ${uid}`);

  await page.goto(`/identity-providers/${idp.id}/modify`);
  await page.getByRole("tab", { name: "Alerts" }).click();
  const form = page.getByRole("form", { name: "Alerts" });
  await expect(form.getByRole("button", { name: "Send test message to the robot" })).toBeDisabled();
  await form.getByLabel("Send to a DingTalk group robot").check();
  await form.getByLabel("Webhook URL").fill(`${E2E_SANDBOX_URL}${robot.path}`);
  await form.getByLabel("Signing secret").fill(robot.secret);
  await expectAccessible(page, "Modify > Alerts");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // Secrets are never sent back: the page says "set" and holds neither the token nor the secret.
  await expect(form.getByLabel("Signing secret")).toHaveAccessibleDescription(/Currently: set/);
  expect(await page.content()).not.toContain(robot.secret);
  expect(await page.content()).not.toContain(robot.accessToken);
  const row = await db.alertSettings.findUniqueOrThrow({ where: { idpId: idp.id } });
  expect(JSON.stringify(row)).not.toContain(robot.secret);

  await form.getByRole("button", { name: "Send test message to the robot" }).click();
  await expect(page.getByTestId("alert-test-result")).toHaveText(
    "DingTalk accepted the test message: it is in the group now.",
  );

  // A tampered secret: DingTalk's 310000, named with its cause and fix. (Another last character,
  // whatever the secret ends with; the test message waits until the new secret is stored, since the
  // first save's "Saved." may still be on screen.)
  const tampered = `${robot.secret.slice(0, -1)}${robot.secret.endsWith("0") ? "1" : "0"}`;
  await form.getByLabel("Signing secret").fill(tampered);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect
    .poll(async () => (await db.alertSettings.findUniqueOrThrow({ where: { idpId: idp.id } })).robotSecretEncrypted)
    .not.toBe(row.robotSecretEncrypted);
  await form.getByRole("button", { name: "Send test message to the robot" }).click();
  await expect(page.getByTestId("alert-test-result")).toContainText(
    "DingTalk refused the message (310000): the signature, keyword or IP check failed.",
  );
  await expectAccessible(page, "Modify > Alerts with a test result");

  // The sandbox's page lists the message its robot received (only the accepted one).
  await page.goto(`${E2E_SANDBOX_URL}/_sandbox?lang=en`);
  const section = page.getByRole("region", { name: "Group robots" });
  await expect(section.getByRole("heading", { name: `Ops group ${uid}` })).toBeVisible();
  await expect(
    section.getByText(`Test message from the console for ${name} / 来自控制台的测试消息（${name}）`),
  ).toHaveCount(1);
  await expectAccessible(page, "Sandbox page with robots");
});
