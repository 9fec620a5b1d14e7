import path from "node:path";

// DATABASE_URL wins; the default is an SQLite file under data/.
export function databaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  return `file:${path.join(process.cwd(), "data", "console.db")}`;
}
