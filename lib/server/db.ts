import "server-only";
import { setCallGateDb } from "./dingtalk-gate";
import { createPrismaClient, type Db } from "./prisma-client";

// One client per process; Next.js dev reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { __consoleDb?: Db };

export const db: Db = globalForDb.__consoleDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.__consoleDb = db;
// DingTalk calls are paced through this process's own connections (shared across processes on PostgreSQL).
setCallGateDb(db);
