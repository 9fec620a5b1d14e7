import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { ZApplicationSchema } from "@/lib/schemas/idp";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { saveApplication } from "./application";
import { wizardProps } from "./wizard-props";

const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };
let db: Db;
let cleanup: () => Promise<void>;
let sandbox: TestSandbox;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await db.admin.create({ data: { id: admin.id, email: admin.email, name: admin.name, passwordHash: "x" } });
  sandbox = await TestSandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  await cleanup();
});

async function input(newId?: string) {
  const corp = await sandbox.corp();
  return ZApplicationSchema.parse({
    newId,
    displayName: "Test",
    ...corp,
    edition: "private",
    apiBaseUrl: sandbox.url,
    v1BaseUrl: sandbox.url,
    loginBaseUrl: sandbox.url,
  });
}

describe("step 1's home page URL before the first save", () => {
  it("is the URL of the id the new IdP is then created with", async () => {
    const props = await wizardProps(db, null);
    const reserved = props.application.newId;
    expect(props.developerInfo).toMatchObject({ isSaved: false });
    expect(props.developerInfo.homePageUrl).toMatch(new RegExp(`/sso/dingtalk/${reserved}$`));
    const { id } = await saveApplication({ db, actor: admin, input: await input(reserved) });
    expect(id).toBe(reserved);
    const saved = await wizardProps(db, id);
    expect(saved.developerInfo).toMatchObject({ homePageUrl: props.developerInfo.homePageUrl, isSaved: true });
  });

  it("is never an id another IdP holds: a taken id gives a new one", async () => {
    const { id: taken } = await saveApplication({ db, actor: admin, input: await input(randomUUID()) });
    const { id } = await saveApplication({ db, actor: admin, input: await input(taken) });
    expect(id).not.toBe(taken);
    expect(await db.identityProvider.count({ where: { id: { in: [id, taken] } } })).toBe(2);
  });

  it("accepts only a UUID as the reserved id", () => {
    const parsed = ZApplicationSchema.safeParse({
      newId: "../../admin",
      displayName: "Test",
      corpId: "ding1",
      appKey: "key1",
      appSecret: "s",
      edition: "public",
      apiBaseUrl: "",
      v1BaseUrl: "",
      loginBaseUrl: "",
    });
    expect(parsed.success).toBe(false);
  });
});
