import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-pg/client";
import { databaseUrl } from "./database-url";
import { dialectOfUrl, type Dialect } from "./db/dialect";

/**
 * The console's client type. Both generated clients come from the one schema
 * (lib/server/db/schemas.ts), so their APIs are the same; the SQLite client's types
 * stand for both. Where the dialects differ (raw SQL, case-insensitive search), ask
 * `dialectOf(db)`.
 */
export type Db = PrismaClient;

const dialects = new WeakMap<object, Dialect>();

export function dialectOf(db: Db): Dialect {
  return dialects.get(db) ?? "sqlite";
}

// Shared by the Next.js server (lib/server/db.ts), the seed and the CLI scripts.
export function createPrismaClient(url: string = databaseUrl()): Db {
  if (dialectOfUrl(url) === "postgresql") {
    const db = new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
      transactionOptions: { maxWait: 10_000, timeout: 30_000 },
    }) as unknown as Db;
    dialects.set(db, "postgresql");
    return db;
  }
  // SQLite has one writer: a transaction may wait for another (a plan being stored, a directory import),
  // so the defaults (2 s to start, 5 s to run) are raised.
  const db = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
  dialects.set(db, "sqlite");
  // WAL with synchronous=NORMAL: one fsync per checkpoint instead of per write
  // (a sync writes a record and a binding per object), and readers never wait for writers.
  void db
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => db.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
    .catch(() => undefined);
  void db.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => undefined);
  return db;
}
