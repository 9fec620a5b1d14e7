import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;

// Shared by the Next.js server (lib/server/db.ts), the seed and the CLI scripts.
export function createPrismaClient(url: string = databaseUrl()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
