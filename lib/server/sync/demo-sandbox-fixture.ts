// Tests: a migrated SQLite database with the demo directory, a sandbox corp, and an enabled IdP bound to it.
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { createSandboxIdp } from "./sandbox-idp";

export type DemoSandboxFixture = {
  db: Db;
  sandbox: TestSandbox;
  corp: TestCorp;
  idpId: string;
  close: () => Promise<void>;
};

/** The IdP's scope is the demo root; `admin`, when given, is stored so its actions can be audited. */
export async function startDemoSandboxIdp({ admin }: { admin?: CurrentAdmin } = {}): Promise<DemoSandboxFixture> {
  const { db, cleanup } = await createTestDb();
  await seedDemoDirectory(db);
  if (admin) await db.admin.create({ data: { id: admin.id, email: admin.email, name: admin.name, passwordHash: "x" } });
  const sandbox = await TestSandbox.start();
  const corp = await sandbox.corp();
  const root = await db.organizationalUnit.findFirstOrThrow({ where: { parentId: null } });
  const idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app: corp, sourceOuIds: [root.id] });
  const close = async () => {
    await sandbox.close();
    await cleanup();
  };
  return { db, sandbox, corp, idpId, close };
}
