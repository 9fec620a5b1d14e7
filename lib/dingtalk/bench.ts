// Benchmark (not a test): client -> sandbox throughput, and the achieved rate under a 20 calls/s limit.
// Run: npm run bench:dingtalk -- [--seconds N] [--burst-calls N]
import { parseArgs } from "node:util";
import { TestSandbox } from "./sandbox/testing";

const { values } = parseArgs({ options: { seconds: { type: "string" }, "burst-calls": { type: "string" } } });
const LIMITED_SECONDS = Number(values.seconds ?? 30);
const BURST_CALLS = Number(values["burst-calls"] ?? 5000);
const QPS = 20;
const CONCURRENCY = 8;

/** Keeps `concurrency` workers calling until `shouldStop` says so; returns calls completed. */
async function drive(
  call: () => Promise<unknown>,
  concurrency: number,
  shouldStop: (done: number) => boolean,
): Promise<number> {
  let done = 0;
  let started = 0;
  const worker = async () => {
    while (!shouldStop(started)) {
      started += 1;
      await call();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

function count90018(byPath: Record<string, Record<string, number>>): number {
  return Object.values(byPath).reduce((n, outcomes) => n + (outcomes["90018"] ?? 0), 0);
}

async function main(): Promise<void> {
  const sb = await TestSandbox.start();
  try {
    // 1. No rate limit on either side, 8 calls in flight.
    const open = await sb.corp({ faults: { qps: 0 } });
    const fast = sb.client(open, { qps: 0, concurrency: CONCURRENCY, retries: 0 });
    await fast.getAccessToken();
    await drive(
      () => fast.getDepartment(1),
      CONCURRENCY,
      (n) => n >= 1000,
    ); // warm-up (JIT, keep-alive sockets)
    let t0 = performance.now();
    const burst = await drive(
      () => fast.getDepartment(1),
      CONCURRENCY,
      (n) => n >= BURST_CALLS,
    );
    const burstSeconds = (performance.now() - t0) / 1000;
    console.log(
      `unlimited: ${burst} calls in ${burstSeconds.toFixed(2)} s = ${(burst / burstSeconds).toFixed(0)} calls/s (client qps=0, ${CONCURRENCY} in flight)`,
    );

    // 2. Sandbox and client both at 20 calls/s for LIMITED_SECONDS.
    const limited = await sb.corp({ faults: { qps: QPS } });
    const client = sb.client(limited, {
      qps: QPS,
      concurrency: CONCURRENCY,
      retries: 3,
      retryMinDelayMs: 200,
      retryMaxDelayMs: 2000,
    });
    await client.getAccessToken();
    const deadline = performance.now() + LIMITED_SECONDS * 1000;
    t0 = performance.now();
    const calls = await drive(
      () => client.getDepartment(1),
      CONCURRENCY,
      () => performance.now() >= deadline,
    );
    const seconds = (performance.now() - t0) / 1000;
    const sandboxCalls = await sb.calls(limited.corpId);
    const stats = client.stats();
    console.log(
      `limited:   ${calls} calls in ${seconds.toFixed(2)} s = ${(calls / seconds).toFixed(2)} calls/s ` +
        `(sandbox and client at ${QPS} calls/s, ${CONCURRENCY} in flight); ` +
        `90018 answers: ${count90018(sandboxCalls.byPath)}; client retries: ${stats.retries}`,
    );
  } finally {
    await sb.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
