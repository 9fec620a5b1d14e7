import { execFileSync } from "node:child_process";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "../db/schemas";

// `npm run db:generate` (postinstall): derive the PostgreSQL schema from the one source,
// then generate both clients (lib/generated/prisma for SQLite, lib/generated/prisma-pg).
writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA])
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit" });
