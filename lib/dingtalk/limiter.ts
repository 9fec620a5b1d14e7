import Bottleneck from "bottleneck";

export type CallGate = { schedule<T>(fn: () => Promise<T>): Promise<T> };

/** At most `max` in flight, FIFO. For unlimited qps, where Bottleneck's serialised timers would cap throughput. */
class InFlightLimit implements CallGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async schedule<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await fn();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

const gates = new Map<string, CallGate>();

/**
 * A token bucket per app (Bottleneck): calls start at most `qps` per second, evenly spaced
 * so a DingTalk per-second window never sees a burst, with at most `concurrency` in flight.
 * qps <= 0 means no rate limit, only the in-flight cap. Clients of the same app with the
 * same settings share one gate.
 */
export function limiterFor(appKey: string, baseUrl: string, qps: number, concurrency: number): CallGate {
  const key = `${baseUrl}|${appKey}|${qps}|${concurrency}`;
  let gate = gates.get(key);
  if (!gate) {
    const max = concurrency > 0 ? concurrency : Number.POSITIVE_INFINITY;
    gate =
      qps > 0 && Number.isFinite(qps)
        ? new Bottleneck({ maxConcurrent: Number.isFinite(max) ? max : null, minTime: Math.ceil(1000 / qps) })
        : new InFlightLimit(max);
    gates.set(key, gate);
  }
  return gate;
}

/**
 * The in-flight cap of `limiterFor` around a spacing gate from outside this process (e.g. one
 * shared by every process through a database). The cap is taken first, so a call holds its
 * in-flight place while it waits for its slot and never starts later than the slot after it.
 */
export function cappedGate(appKey: string, baseUrl: string, concurrency: number, spacing: CallGate): CallGate {
  const cap = limiterFor(appKey, baseUrl, 0, concurrency);
  return { schedule: (fn) => cap.schedule(() => spacing.schedule(fn)) };
}

// An IP ban is for this server's address: every app calling that host pauses.
const pausedUntil = new Map<string, number>();

export function pauseHost(origin: string, ms: number): void {
  const until = Date.now() + ms;
  if ((pausedUntil.get(origin) ?? 0) < until) pausedUntil.set(origin, until);
}

export function pausedFor(origin: string): number {
  return Math.max(0, (pausedUntil.get(origin) ?? 0) - Date.now());
}

export async function waitWhilePaused(origin: string): Promise<void> {
  for (let wait = pausedFor(origin); wait > 0; wait = pausedFor(origin)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
