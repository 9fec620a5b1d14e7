import type { Db } from "../lib/server/prisma-client";
import { hashPassword } from "../lib/server/passwords";
import { demoAccounts, demoEdgeCases, demoOus } from "./demo-directory";

export type SeedOptions = { adminEmail: string; adminPassword: string; adminName?: string };
export type SeedSummary = { ous: number; accounts: number; seeded: boolean };

/** Creates the demo administrator if missing. */
export async function ensureAdmin(db: Db, { adminEmail, adminPassword, adminName }: SeedOptions): Promise<void> {
  const email = adminEmail.trim().toLowerCase();
  if (await db.admin.findUnique({ where: { email } })) return;
  await db.admin.create({
    data: { email, name: adminName ?? "Demo Administrator", passwordHash: await hashPassword(adminPassword) },
  });
}

/** Seeds the demo directory when the database holds no accounts and no OUs. */
export async function seedDemoDirectory(db: Db): Promise<SeedSummary> {
  if ((await db.account.count()) > 0 || (await db.organizationalUnit.count()) > 0) {
    return { ous: 0, accounts: 0, seeded: false };
  }
  const ous = demoOus();
  const accounts = [...demoAccounts(), ...demoEdgeCases()];
  await db.$transaction(async (tx) => {
    await tx.customFieldDefinition.create({
      data: { id: "work_place", displayName: "Work place", type: "text", position: 0 },
    });
    const idByKey = new Map<string, string>();
    for (const ou of ous) {
      const created = await tx.organizationalUnit.create({
        data: {
          name: ou.name,
          order: ou.order,
          externalId: `ou-${idByKey.size + 1}`,
          parentId: ou.parentKey ? idByKey.get(ou.parentKey) : null,
        },
      });
      idByKey.set(ou.key, created.id);
    }
    for (const a of accounts) {
      await tx.account.create({
        data: {
          username: a.username,
          displayName: a.displayName,
          email: a.email,
          phoneNumber: a.phoneNumber,
          phoneRegion: a.phoneRegion,
          employeeNumber: a.employeeNumber,
          jobTitle: a.jobTitle,
          status: a.status,
          externalId: `ext-${a.employeeNumber}`,
          customFields: JSON.stringify(a.customFields),
          memberships: { create: a.ouKeys.map((key, i) => ({ ouId: idByKey.get(key)!, isPrimary: i === 0 })) },
        },
      });
    }
    await tx.auditLog.create({
      data: {
        actorLabel: "system",
        action: "demo.seed",
        details: JSON.stringify({ ous: ous.length, accounts: accounts.length }),
      },
    });
  });
  return { ous: ous.length, accounts: accounts.length, seeded: true };
}
