import { startPostgres } from "../db/postgres-server";
import { prepareTemplate } from "../test-db";
import { run } from "./run";

/**
 * Runs a command against a throwaway PostgreSQL server: starts one (lib/server/db/postgres-server.ts),
 * migrates the test template, runs the command with TEST_DATABASE_URL set, stops the server.
 * `npm run test:pg -- [vitest args]` runs the database tests on PostgreSQL.
 */
export async function withPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = await startPostgres();
  try {
    await prepareTemplate(server.url);
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const code = await withPostgres((url) =>
    run("npx", ["vitest", "run", ...(args.length ? args : ["lib/server/", "app/"])], {
      env: { ...process.env, TEST_DATABASE_URL: url },
    }),
  );
  process.exit(code);
}

if (process.argv[1]?.endsWith("test-postgres.ts")) void main();
