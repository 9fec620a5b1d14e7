// Faults on demand, reproducible with a seed, plus the per-app rate limit and the monthly quota.
import { z } from "zod";

export const FAULT_KINDS = ["http502", "html", "ipban", "stall"] as const;
export type FaultKind = number | (typeof FAULT_KINDS)[number];

export const ZFaultsInput = z.object({
  errorRate: z.number().min(0).max(1).optional(),
  errcodes: z
    .array(z.union([z.number().int(), z.enum(FAULT_KINDS)]))
    .min(1)
    .optional(),
  /** Calls per second per app; 0 = unlimited. */
  qps: z.number().min(0).optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  latencyMs: z.number().int().min(0).optional(),
  /** Metered calls per month per corp; null = unlimited. */
  monthlyQuota: z.number().int().min(0).nullable().optional(),
  seed: z.number().int().optional(),
  maxSubDepartments: z.number().int().positive().optional(),
});

export type FaultConfig = Required<Omit<z.output<typeof ZFaultsInput>, "monthlyQuota">> & {
  monthlyQuota: number | null;
};

export const DEFAULT_FAULTS: FaultConfig = {
  errorRate: 0,
  errcodes: [-1, 90018, "http502", "html"],
  qps: 20,
  tokenTtlSeconds: 7200,
  latencyMs: 0,
  monthlyQuota: null,
  seed: 1,
  maxSubDepartments: 1000,
};

/** mulberry32: small, fast and reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A token bucket of `qps` tokens refilled continuously: at most qps calls in any second on average. */
class Bucket {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly qps: number) {
    this.tokens = qps;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.qps, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** In-memory, per corp: faults, rate buckets, call counts and quota use (not persisted). */
export class CorpRuntime {
  faults: FaultConfig;
  monthlyUsed = 0;
  readonly calls = new Map<string, Map<string, number>>();
  private random: () => number;
  private buckets = new Map<string, Bucket>();

  constructor(faults: FaultConfig = DEFAULT_FAULTS) {
    this.faults = { ...faults };
    this.random = prng(this.faults.seed);
  }

  configure(input: z.output<typeof ZFaultsInput>): FaultConfig {
    this.faults = { ...this.faults, ...input };
    this.random = prng(this.faults.seed);
    this.buckets.clear();
    if (input.monthlyQuota !== undefined) this.monthlyUsed = 0;
    return this.faults;
  }

  takeRate(appKey: string): boolean {
    if (this.faults.qps <= 0) return true;
    let bucket = this.buckets.get(appKey);
    if (!bucket) {
      bucket = new Bucket(this.faults.qps);
      this.buckets.set(appKey, bucket);
    }
    return bucket.take();
  }

  /** Counts a metered call; false when the monthly quota is used up. */
  takeQuota(): boolean {
    if (this.faults.monthlyQuota !== null && this.monthlyUsed >= this.faults.monthlyQuota) return false;
    this.monthlyUsed += 1;
    return true;
  }

  pickFault(): FaultKind | null {
    const { errorRate, errcodes } = this.faults;
    if (errorRate <= 0 || this.random() >= errorRate) return null;
    return errcodes[Math.floor(this.random() * errcodes.length)] ?? null;
  }

  record(path: string, outcome: string): void {
    const counts = this.calls.get(path) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    this.calls.set(path, counts);
  }

  callCounts(): { total: number; byPath: Record<string, Record<string, number>> } {
    let total = 0;
    const byPath: Record<string, Record<string, number>> = {};
    for (const [path, counts] of this.calls) {
      byPath[path] = Object.fromEntries(counts);
      for (const n of counts.values()) total += n;
    }
    return { total, byPath };
  }
}
