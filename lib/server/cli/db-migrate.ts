import { databaseUrl } from "../database-url";
import { dialectOfUrl } from "../db/dialect";
import { migrate, MigrationError } from "../db/migrate";

// `npm run db:migrate`: applies the pending migrations of DATABASE_URL's dialect (SQLite file or
// PostgreSQL), recorded in Prisma's _prisma_migrations table. Several processes may run it at once.
async function main() {
  const url = databaseUrl();
  try {
    const applied = await migrate(url);
    const where = dialectOfUrl(url) === "postgresql" ? "PostgreSQL" : "SQLite";
    console.info(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where}: the database is up to date.`,
    );
  } catch (error) {
    console.error(`✖ ${error instanceof MigrationError ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
