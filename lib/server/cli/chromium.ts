import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";

/** Makes sure Debian's Chromium is there: installs it as root, else says how. */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `✖ Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package first:\n    sudo sh -c '${INSTALL}'`,
    );
    process.exit(1);
  }
  console.info(`▶ Installing Debian's Chromium (${INSTALL})`);
  execFileSync("sh", ["-c", `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: "inherit" });
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(`✖ apt-get finished but ${CHROMIUM_PATH} is still missing.`);
    process.exit(1);
  }
}
