import { ensureChromium } from "./chromium";
import { runOrExit } from "./run";

export const E2E_DIST_DIR = ".next-e2e";

// `npm run test:e2e`: a production build of the current sources, then Playwright
// against `next start` on a fresh database (see e2e/server.ts).
async function main() {
  ensureChromium();
  const env = {
    ...process.env,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!process.argv.includes("--no-build"))
    await runOrExit("Production build for e2e", "npx", ["next", "build"], { env });
  const extra = process.argv.slice(2).filter((a) => a !== "--no-build");
  await runOrExit("Playwright", "npx", ["playwright", "test", ...extra], { env });
}

void main();
