import fs from "node:fs";
import path from "node:path";

/**
 * One schema source of truth: prisma/schema.prisma (SQLite, the embedded default). The
 * PostgreSQL schema is derived from it (the datasource and the client's output change,
 * nothing else), written to prisma/postgresql/schema.prisma by `npm run db:generate`
 * (postinstall), never edited by hand. Keep the source portable: no provider-only features.
 */
export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

export type Dialect = "sqlite" | "postgresql";

/** Where each dialect's migrations live (beside its schema, as Prisma expects). */
export function migrationsDir(dialect: Dialect, root = process.cwd()): string {
  return path.join(
    /* turbopackIgnore: true */ root,
    dialect === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations",
  );
}

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`: do not edit.\n" +
  "// The PostgreSQL variant of the one schema (datasource and client output differ).\n\n";

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchemaFrom(sqlite: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  if (!datasource.test(sqlite)) throw new Error("schema.prisma has no `datasource db` block");
  const output = /output\s*=\s*"\.\.\/lib\/generated\/prisma"/;
  if (!output.test(sqlite)) throw new Error('schema.prisma\'s client output is not "../lib/generated/prisma"');
  return (
    HEADER +
    sqlite
      .replace(
        datasource,
        'datasource db {\n  provider = "postgresql"\n  // The CLI needs a url here; runtime connections go through the adapter.\n  url      = "postgresql://localhost/console"\n}',
      )
      .replace(output, 'output     = "../../lib/generated/prisma-pg"')
  );
}

export function writePostgresSchema(root = process.cwd()): string {
  const target = path.join(root, POSTGRES_SCHEMA);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, postgresSchemaFrom(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8")));
  return target;
}
