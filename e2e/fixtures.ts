import { test as base, expect, type Page } from "@playwright/test";
import { hashPassword } from "../lib/server/passwords";
import { createPrismaClient, type Db } from "../lib/server/prisma-client";
import { E2E_DATABASE_URL } from "./env";

type Fixtures = {
  /** A short id unique to this test, for names that must not collide across workers. */
  uid: string;
  db: Db;
  /** An administrator of its own, so lockouts in one test never touch another. */
  freshAdmin: { email: string; password: string };
};

export const test = base.extend<Fixtures>({
  uid: async ({}, provide, testInfo) => {
    await provide(`${testInfo.workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`);
  },
  db: async ({}, provide) => {
    const db = createPrismaClient(E2E_DATABASE_URL);
    await provide(db);
    await db.$disconnect();
  },
  freshAdmin: async ({ db }, provide, testInfo) => {
    const email = `admin-${testInfo.workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    const password = "correct-horse-battery";
    await db.admin.create({ data: { email, name: "Fresh Admin", passwordHash: await hashPassword(password) } });
    await provide({ email, password });
  },
});

export { expect };

/** The login screen, as a person uses it. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel(/e-mail|邮箱|メールアドレス/i).fill(email);
    await this.page.getByLabel(/^password$|^密码$|^パスワード$/i).fill(password);
    await this.page.getByRole("button", { name: /^sign in$|^登录$|^ログイン$/i }).click();
  }

  formError() {
    return this.page.getByRole("form").getByRole("alert");
  }
}
