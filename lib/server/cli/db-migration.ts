import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDir, postgresSchemaFrom, SQLITE_SCHEMA, writePostgresSchema, type Dialect } from "../db/schemas";

// `npm run db:migration <name>`: `prisma migrate dev` needs a shadow database the offline
// schema engine cannot replay, so diff the last committed schema (git HEAD) against the
// working one and write the SQL as a new migration, once per dialect: prisma/migrations
// (SQLite) and prisma/postgresql/migrations, both from the one schema (lib/server/db/schemas.ts).
function diff(from: string | null, to: string): string {
  const source = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return execFileSync("npx", ["prisma", "migrate", "diff", ...source, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
  });
}

function main() {
  const name = (process.argv[2] ?? "")
    .trim()
    .replace(/[^a-z0-9_]+/gi, "_")
    .toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:migration <name>");
    process.exit(1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-"));
  let committed: string | null = null;
  try {
    committed = execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA}`], { encoding: "utf8" });
  } catch {
    committed = null;
  }
  const previous = (dialect: Dialect): string | null => {
    if (committed === null) return null;
    const file = path.join(tmp, `${dialect}.prisma`);
    fs.writeFileSync(file, dialect === "sqlite" ? committed : postgresSchemaFrom(committed));
    return file;
  };
  const current: Record<Dialect, string> = { sqlite: SQLITE_SCHEMA, postgresql: writePostgresSchema() };
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  let wrote = 0;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const sql = diff(previous(dialect), current[dialect]);
    if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) continue;
    const dir = path.join(migrationsDir(dialect), `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.info(`Wrote ${dir}/migration.sql`);
    wrote += 1;
  }
  console.info(
    wrote
      ? "Review them, then apply with npm run db:migrate."
      : "The schema has not changed since the last commit: no migration written.",
  );
}

main();
