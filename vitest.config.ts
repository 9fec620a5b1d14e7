import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/server/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    // *.postgres.test.ts need a PostgreSQL server: they run in the PostgreSQL pass (npm run test:pg),
    // which sets TEST_DATABASE_URL.
    exclude: [
      "**/node_modules/**",
      ...(/^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? "") ? [] : ["**/*.postgres.test.ts"]),
    ],
    environment: "node",
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on 2 cores. The server-side tests mostly
    // wait (the sandbox's HTTP, the database, child processes), so two files at a time on 2 cores
    // take 263 s instead of 352 s (SQLite) and 281 s instead of 350 s (PostgreSQL).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // A fixed test key ring (32 zero bytes) and an unthrottled DingTalk client.
      ENCRYPTION_KEYS: "1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      NEXTAUTH_SECRET: "test-secret",
      DINGTALK_QPS: "0",
      DINGTALK_ALLOW_LOCAL_ENDPOINTS: "true",
    },
  },
});
