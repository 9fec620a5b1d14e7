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

/**
 * SQLite transactions begin IMMEDIATE. The adapter's plain BEGIN is deferred: the transaction reads
 * first and asks for the write lock at its first write, and when another process (`npm run worker`,
 * a CLI script) wrote in between, SQLite refuses at once ("database is locked", SQLITE_BUSY_SNAPSHOT;
 * busy_timeout cannot help, the snapshot is stale). BEGIN IMMEDIATE takes the write lock first,
 * waiting up to busy_timeout for it. In one process the adapter already runs one transaction at a time.
 */
class ImmediateSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
    if (typeof client?.prepare !== "function")
      throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection: see ImmediateSQLite3");
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
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
    adapter: new ImmediateSQLite3({ url }),
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
