import fs from "node:fs";
import { run, runOrExit } from "./run";
import { withPostgres } from "./test-postgres";

const REPORTS = ".test-reports";

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  const r = JSON.parse(fs.readFileSync(`${REPORTS}/${file}`, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(): Counts {
  const r = JSON.parse(fs.readFileSync(`${REPORTS}/playwright.json`, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

// `npm test`: every check CI makes, in order of cost, then one closing line.
async function main() {
  const started = Date.now();
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  await runOrExit("Format", "npx", ["prettier", "--check", "."]);
  await runOrExit("Typecheck", "npx", ["tsc", "--noEmit"]);
  await runOrExit("Lint", "npx", ["eslint", "--max-warnings=0", "."]);
  const unitCode = await run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${REPORTS}/vitest.json`,
  ]);
  // The server-side suite again on PostgreSQL (a throwaway server, lib/server/db/postgres-server.ts):
  // every test that touches the database (lib/server, app) runs on both, plus the *.postgres.test.ts ones.
  const postgresCode =
    unitCode === 0
      ? await withPostgres((url) => {
          console.info(`\n▶ The server-side tests on PostgreSQL`);
          return run(
            "npx",
            [
              "vitest",
              "run",
              "lib/server/",
              "app/",
              "--reporter=default",
              "--reporter=json",
              `--outputFile.json=${REPORTS}/vitest-postgresql.json`,
            ],
            { env: { ...process.env, TEST_DATABASE_URL: url } },
          );
        })
      : 1;
  const e2eCode =
    unitCode === 0 && postgresCode === 0
      ? await run("npx", ["tsx", "lib/server/cli/e2e.ts", "--reporter=list,json"], {
          env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json` },
        })
      : 1;
  const parts: Counts[] = [];
  for (const read of [
    () => vitestCounts("vitest.json"),
    () => vitestCounts("vitest-postgresql.json"),
    playwrightCounts,
  ]) {
    try {
      parts.push(read());
    } catch {
      // A stage that did not run leaves no report; its exit code speaks for it.
    }
  }
  const total = parts.reduce(
    (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const ok = unitCode === 0 && postgresCode === 0 && e2eCode === 0 && total.failed === 0 && total.passed > 0;
  console.info(`\n${ok ? "All checks passed" : "Checks failed"} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.info(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

void main();
