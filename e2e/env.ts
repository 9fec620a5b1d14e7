import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "dingtalk-console-e2e");
export const E2E_DATABASE_URL = `file:${path.join(E2E_DATA_DIR, "console.db")}`;
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 3212);
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** The saved administrator session, one per server port so parallel runs do not share cookies. */
export const E2E_STORAGE_STATE = `playwright/.auth/admin-${E2E_PORT}.json`;
export const E2E_ADMIN = { email: "admin@example.com", password: "dingtalk-demo" };

/** The environment of the server under test: demo mode on its own data directory. */
export function e2eEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    PORT: String(E2E_PORT),
    DATA_DIR: E2E_DATA_DIR,
    DATABASE_URL: E2E_DATABASE_URL,
    NEXTAUTH_URL: E2E_BASE_URL,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: `1:${randomBytes(32).toString("base64")}`,
    DINGTALK_ALLOW_LOCAL_ENDPOINTS: "true",
    DINGTALK_SANDBOX_URL: E2E_SANDBOX_URL,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  };
}
