// Real processes for the multi-process tests (lib/server/sync/*.test.ts): the console's CLI scripts
// started with node itself (not npx), so a signal reaches the process doing the work.
import { spawn, type ChildProcess } from "node:child_process";

/** With `pipe`, it talks through child.stdin and child.stdout; TEST_CHILD_OUTPUT=1 shows the rest. */
export function spawnCli(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  { pipe = false } = {},
): ChildProcess {
  const shown = process.env.TEST_CHILD_OUTPUT ? "inherit" : "ignore";
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: [pipe ? "pipe" : "ignore", pipe ? "pipe" : shown, shown],
  });
}

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends a signal and resolves once the process has exited. */
export async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
