import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;

// Shared by the Next.js server (lib/server/db.ts), the seed and the CLI scripts.
export function createPrismaClient(url: string = databaseUrl()): Db {
  // SQLite has one writer: a transaction may wait for another (a plan being stored, a directory import),
  // so the defaults (2 s to start, 5 s to run) are raised.
  const db = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
  if (url.startsWith("file:")) {
    // WAL with synchronous=NORMAL: one fsync per checkpoint instead of per write
    // (a sync writes a record and a binding per object), and readers never wait for writers.
    void db
      .$queryRawUnsafe("PRAGMA journal_mode = WAL")
      .then(() => db.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
      .catch(() => undefined);
    void db.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => undefined);
  }
  return db;
}
