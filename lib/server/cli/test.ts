import { runOrExit } from "./run";

// `npm test`: every check CI makes, in order of cost.
async function main() {
  const started = Date.now();
  await runOrExit("Typecheck", "npx", ["tsc", "--noEmit"]);
  await runOrExit("Lint", "npx", ["eslint", "--max-warnings=0", "."]);
  await runOrExit("Unit tests (vitest)", "npx", ["vitest", "run"]);
  await runOrExit("End-to-end tests (Playwright)", "npx", ["tsx", "lib/server/cli/e2e.ts"]);
  console.info(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

void main();
