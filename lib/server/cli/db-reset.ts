import fs from "node:fs";
import { databaseUrl } from "../database-url";
import { runOrExit } from "./run";

// `npm run db:reset`: deletes the SQLite file, re-applies migrations and re-seeds.
async function main() {
  const url = databaseUrl();
  if (!url.startsWith("file:")) {
    console.error("db:reset only handles SQLite files. Reset other databases with their own tools.");
    process.exit(1);
  }
  const file = url.slice("file:".length);
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  await runOrExit("Applying migrations", "npx", ["tsx", "lib/server/cli/db-migrate.ts"]);
  await runOrExit("Seeding", "npx", ["tsx", "prisma/seed.ts"]);
}

void main();
