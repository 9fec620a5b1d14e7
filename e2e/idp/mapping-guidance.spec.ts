import type { Page } from "@playwright/test";
import { functionCatalog } from "../../lib/expression";
import { E2E_BASE_URL } from "../env";
import { expect, test } from "../fixtures";
import { createSandboxApp, expectAccessible, seedScope, throughScenario } from "./helpers";

type Seeded = Awaited<ReturnType<typeof seedScope>>;

/** Switches a row to Expression and types the source; returns the row. */
async function expressionIn(page: Page, rowId: string, source: string) {
  const row = page.getByTestId(rowId);
  await row.getByRole("combobox").first().selectOption({ value: "expression" });
  await row.locator("textarea").fill(source);
  await page.keyboard.press("Escape");
  return row;
}

async function pickSample(page: Page, username: string) {
  await page.getByLabel("Sample account").fill(username);
  await page.getByRole("button", { name: new RegExp(username) }).click();
  await expect(page.getByTestId("sample-account")).toContainText(username);
}

async function switchTo(page: Page, locale: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
  await page.reload();
}

test("[MAPPING][REFERENCE]: the expression reference lists every function of the catalogue, grouped and searchable, by keyboard, in three languages", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `Reference ${uid}`);

  const toggle = page.getByRole("button", { name: "Expression reference" });
  const panel = page.getByTestId("function-reference");
  const entries = panel.getByTestId("function-entry");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(entries).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");

  // Every function of the catalogue completion uses, in its order, with signature, help and example.
  await expect(entries).toHaveCount(functionCatalog.length);
  expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-name")))).toEqual(
    functionCatalog.map((f) => f.name),
  );
  for (const f of functionCatalog) {
    const entry = panel.locator(`[data-testid="function-entry"][data-name="${f.name}"]`);
    await expect(entry.locator("dt")).toHaveText(f.signature);
    await expect(entry).toContainText(f.description.en);
    await expect(entry).toContainText(f.example);
  }
  await expect(panel.getByRole("heading", { level: 4 })).toHaveText([
    "Cutting and replacing text",
    "Spaces, case and accents",
    "Conditions and empty values",
    "Joining and lists",
    "JSON text",
    "Date and time",
  ]);
  await expectAccessible(page, "Step 4 with the expression reference open");

  // Search by name or by words of the description.
  const search = panel.getByLabel("Search functions");
  await search.fill("substring");
  await expect(entries).toHaveCount(2);
  await expect(panel.getByRole("status")).toHaveText("2 functions");
  await search.fill("upper case");
  await expect(entries.first()).toHaveAttribute("data-name", "ToUpper");
  await search.fill("no such function here");
  await expect(entries).toHaveCount(0);
  await expect(panel.getByRole("status")).toHaveText("No function matches.");

  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(entries).toHaveCount(0);

  for (const [locale, title] of [
    ["zh-CN", "表达式参考"],
    ["ja", "式のリファレンス"],
  ] as const) {
    await switchTo(page, locale);
    await page.getByRole("button", { name: title }).click();
    await expect(entries).toHaveCount(functionCatalog.length);
    for (const f of functionCatalog) {
      await expect(panel.locator(`[data-testid="function-entry"][data-name="${f.name}"]`)).toContainText(
        f.description[locale],
      );
    }
  }
});

// The example expressions of the IDaaS "Field mapping" document (shared/seeds): each works as
// written, or names this console's field and fixes itself in one click.
const DOCUMENTED: { source: string; suggestion?: string; value: (s: Seeded) => string }[] = [
  { source: 'SubstringBefore(idpUser.email,"@")', value: (s) => s.lead.email!.split("@")[0] },
  { source: 'Trim("myString")', value: () => "myString" },
  { source: "idpUser.title", suggestion: "idpUser.jobTitle", value: () => "Engineer" },
  { source: "idpUser.work_place", suggestion: "idpUser.customFields.work_place", value: () => "Hangzhou" },
  {
    source: 'SubstringBefore(idpUser.userPrincipalName,"@")',
    suggestion: "idpUser.username",
    value: (s) => s.lead.username,
  },
];

test("[MAPPING][DOCUMENTS]: each documented example expression evaluates in the preview or offers its did-you-mean, in three languages", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const seeded = await seedScope(db, uid);
  // work_place is the demo directory's custom field, as in the document's example.
  await db.account.update({
    where: { id: seeded.lead.id },
    data: { customFields: JSON.stringify({ work_place: "Hangzhou" }) },
  });
  await throughScenario(page, app, seeded.root.name, `Documents ${uid}`);
  await pickSample(page, seeded.lead.username);

  const error = page.getByTestId("expression-error");
  const preview = page.getByTestId("preview-user-title");
  for (const example of DOCUMENTED) {
    const row = await expressionIn(page, "rule-user-title", example.source);
    if (example.suggestion) {
      await expect(error).toHaveText(
        `Unknown field "${example.source.match(/idpUser\.\w+/)![0]}" - did you mean "${example.suggestion}"?`,
      );
      await expect(preview).toHaveText("—");
      if (example.source === "idpUser.title") {
        await expectAccessible(page, "Step 4 with a did-you-mean");
        // The message shows below the input, not under its highlighting layer.
        const mirror = (await row.getByTestId("expression-mirror").boundingBox())!;
        expect((await error.boundingBox())!.y).toBeGreaterThanOrEqual(mirror.y + mirror.height);
      }
      await row.getByRole("button", { name: `Use “${example.suggestion}”` }).click();
    }
    await expect(error).toHaveCount(0);
    await expect(preview).toHaveText(example.value(seeded));
  }

  // DingTalk's department owner: an IDaaS organization has no owner field to read, so no suggestion.
  const org = await expressionIn(page, "rule-organization-name", "idpOrganizationalUnit.org_dept_owner");
  await expect(org.getByTestId("expression-error")).toHaveText('Unknown field "idpOrganizationalUnit.org_dept_owner"');
  await expect(org.getByRole("button", { name: /^Use / })).toHaveCount(0);

  // The did-you-mean in the page's language, with its button.
  for (const [locale, message, fix] of [
    ["zh-CN", '未知字段 "idpUser.title"，是否应为 "idpUser.jobTitle"？', "改为“idpUser.jobTitle”"],
    [
      "ja",
      '不明なフィールド "idpUser.title" です（"idpUser.jobTitle" のことですか？）',
      "「idpUser.jobTitle」に置き換える",
    ],
  ] as const) {
    await switchTo(page, locale);
    const row = await expressionIn(page, "rule-user-title", "idpUser.title");
    await expect(error).toHaveText(message);
    await row.getByRole("button", { name: fix }).click();
    await expect(error).toHaveCount(0);
    await expect(row.locator("textarea")).toHaveValue("idpUser.jobTitle");
  }
});

test("[MAPPING][ADD FIELD]: Add field with an empty field ID says the field ID is required", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const { root } = await seedScope(db, uid);
  await throughScenario(page, app, root.name, `Add field ${uid}`);

  await page.getByRole("button", { name: "Add user field" }).click();
  const group = page.getByRole("group", { name: "Add user field" });
  const fieldId = group.getByRole("combobox", { name: "Field ID" });
  await group.getByRole("button", { name: "Add", exact: true }).click();
  await expect(group.getByRole("alert")).toHaveText([
    "Give the added field a name.",
    "The field ID is required: enter the DingTalk field name, such as work_place.",
  ]);

  await group.getByRole("textbox", { name: "Field name" }).fill("Desk location");
  await fieldId.fill("   ");
  await group.getByRole("button", { name: "Add", exact: true }).click();
  await expect(group.getByRole("alert")).toHaveText(
    "The field ID is required: enter the DingTalk field name, such as work_place.",
  );
  await expect(fieldId).toHaveAttribute("aria-invalid", "true");
  await expect(fieldId).toHaveAttribute("aria-required", "true");
  await expect(fieldId).toHaveAccessibleDescription(/The field ID is required/);
  await expectAccessible(page, "Add field with an empty field ID");

  await fieldId.fill("work_place");
  await group.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("rule-user-work_place")).toContainText("Desk location");
});

/** Horizontal overflow of the page and of every table container, as [scrollWidth, clientWidth] pairs. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const of = (e: Element) => [e.scrollWidth, e.clientWidth];
    return {
      page: of(document.documentElement),
      tables: [...document.querySelectorAll('[data-slot="table-container"]')].flatMap((e) => [
        of(e),
        of(e.parentElement!),
      ]),
    };
  });
}

async function expectNoSideScroll(page: Page) {
  const { page: pageWidths, tables } = await overflow(page);
  expect(pageWidths[0], "page scrollWidth vs clientWidth").toBeLessThanOrEqual(pageWidths[1]);
  expect(tables.length).toBeGreaterThan(0);
  for (const [scroll, client] of tables) expect(scroll, "table scrollWidth vs clientWidth").toBeLessThanOrEqual(client);
}

test("[MAPPING][768 PX]: step 4 and Configure Field Mapping fit a 768 px window without scrolling sideways: the preview stacks under the source", async ({
  page,
  db,
  uid,
}) => {
  const app = await createSandboxApp(uid);
  const seeded = await seedScope(db, uid);
  await throughScenario(page, app, seeded.root.name, `Narrow ${uid}`);

  // The wizard's step 4 is the same editor.
  await page.setViewportSize({ width: 768, height: 1000 });
  await expect(page.getByTestId("rule-user-email")).toBeVisible();
  await expectNoSideScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("button", { name: "Save only" }).click();
  await expect(page).toHaveURL(/\/identity-providers\/[^/?]+$/);
  const idpId = new URL(page.url()).pathname.split("/").at(-1);

  // Wide: the preview is a column of its own, beside the source.
  await page.goto(`/identity-providers/${idpId}/field-mapping`);
  await pickSample(page, seeded.lead.username);
  const row = await expressionIn(
    page,
    "rule-user-email",
    'IIF(IsPresent(idpUser.email), ToLower(SubstringBefore(idpUser.email, "@")), Append(idpUser.username, "@example.com"))',
  );
  const preview = page.getByTestId("preview-user-email");
  await expect(preview).toHaveText(seeded.lead.email!.split("@")[0]);
  const wideSource = (await row.locator("textarea").boundingBox())!;
  const widePreview = (await preview.boundingBox())!;
  expect(widePreview.x).toBeGreaterThanOrEqual(wideSource.x + wideSource.width);

  await page.setViewportSize({ width: 768, height: 1000 });
  await expect(preview).toHaveText(seeded.lead.email!.split("@")[0]);
  const source = (await row.locator("textarea").boundingBox())!;
  const stacked = (await preview.boundingBox())!;
  expect(stacked.y).toBeGreaterThanOrEqual(source.y + source.height);
  expect(stacked.x).toBeLessThan(source.x + source.width);
  await expectNoSideScroll(page);

  // Still none with an error and its fix, the reference open and the Add field form shown.
  await expressionIn(page, "rule-user-title", "Trim(idpUser.title)");
  await expect(page.getByRole("button", { name: "Use “idpUser.jobTitle”" })).toBeVisible();
  await page.getByRole("button", { name: "Expression reference" }).click();
  await page.getByRole("button", { name: "Add organization field" }).click();
  await expectNoSideScroll(page);
  await expectAccessible(page, "Configure Field Mapping at 768 px");
});
