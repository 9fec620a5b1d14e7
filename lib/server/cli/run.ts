import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(
  label: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<void> {
  const started = Date.now();
  console.info(`\n▶ ${label}`);
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`✖ ${label} failed (exit ${code})`);
    process.exit(code);
  }
  console.info(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
