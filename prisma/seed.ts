import { loadConfig } from "../lib/server/config";
import { demoAdminCredentials } from "../lib/server/demo-admin";
import { createPrismaClient } from "../lib/server/prisma-client";
import { ensureAdmin, seedDemoDirectory } from "./seed-demo";

// `npm run db:seed`: the demo administrator and directory, only into an empty database.
async function main() {
  const config = loadConfig();
  const db = createPrismaClient();
  try {
    const demo = demoAdminCredentials();
    if (config.isDemoMode && demo) {
      await ensureAdmin(db, { adminEmail: demo.email, adminPassword: process.env.ADMIN_PASSWORD ?? demo.password });
    }
    const summary = await seedDemoDirectory(db);
    console.info(
      summary.seeded
        ? `Seeded ${summary.ous} organizations and ${summary.accounts} accounts.`
        : "The directory is not empty: nothing seeded.",
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
