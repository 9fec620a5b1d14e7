import fs from "node:fs";
import path from "node:path";
import { E2E_ADMIN } from "../env";
import { expect, test } from "../fixtures";

// Every server action in the build, called the way a browser would but with
// no session: each must refuse, and the database must not change.
type Manifest = { node: Record<string, { workers: Record<string, unknown> }> };

function actions(): { id: string; route: string }[] {
  const dist = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/")) ?? "app/page";
    const route =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "") || "/";
    return { id, route };
  });
}

async function callAction(
  request: import("@playwright/test").APIRequestContext,
  action: { id: string; route: string },
  args: unknown[],
) {
  const response = await request.post(action.route, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test("[SECURITY]: the build has server actions to check", () => {
  expect(actions().length).toBeGreaterThan(0);
});

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("[SECURITY]: every server action refuses and changes nothing", async ({ request, db }) => {
    const before = await db.admin.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    const start = new Date(Date.now() - 1000);
    for (const action of actions()) {
      const { body } = await callAction(request, action, [{ locale: "ja" }]);
      expect(body, `action ${action.id} on ${action.route}`).toContain('"code":"errors.unauthorized"');
      expect(body).not.toContain('"ok":true');
    }
    const after = await db.admin.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    expect(after.locale).toBe(before.locale);
    // Nothing was recorded about what the probe sent (other tests write to the log meanwhile).
    const traces = await db.auditLog.count({
      where: { createdAt: { gte: start }, OR: [{ targetId: before.id }, { details: { contains: '"ja"' } }] },
    });
    expect(traces).toBe(0);
  });
});

test("[SECURITY]: with a session the same calls get past the check (the probe reaches the actions)", async ({
  page,
}) => {
  await page.goto("/");
  for (const action of actions()) {
    const { body } = await callAction(page.request, action, [{ locale: "en" }]);
    expect(body, `action ${action.id}`).toMatch(/"ok":true|"code":"errors.invalid_input"/);
  }
});
