import Bottleneck from "bottleneck";
import type { CallGate, CallGateRequest } from "@/lib/dingtalk";
import { databaseUrl } from "./database-url";
import { dialectOfUrl } from "./db/dialect";
import { createPrismaClient, dialectOf, type Db } from "./prisma-client";

// DingTalk counts calls per app, whichever process makes them: every process reserves the
// app's next start times ("slots", 1000/qps ms apart) in its CallSlot row, by the database's
// clock, so the clocks of different machines never matter.

/** Slots reserved by one statement at most, when calls queue up in this process. */
export const MAX_SLOTS_PER_STATEMENT = 8;

export function slotIntervalMs(qps: number): number {
  return Math.ceil(1000 / qps);
}

/** The `count` slots a reservation that moved the row to `nextAtMs` holds: the last one ends where the next begins. */
export function slotsOf(nextAtMs: number, count: number, intervalMs: number): number[] {
  const first = nextAtMs - count * intervalMs;
  return Array.from({ length: count }, (_, i) => first + i * intervalMs);
}

export type Reservation = { slots: number[]; dbNowMs: number };

const ensured = new WeakMap<Db, Set<string>>();

/**
 * Reserves `count` consecutive slots for `key` in one atomic statement: from the row's next slot,
 * or from the database's now when that is past (an idle app starts at once), then moves the row on.
 */
export async function reserveSlots(db: Db, key: string, count: number, intervalMs: number): Promise<Reservation> {
  const keys = ensured.get(db) ?? new Set<string>();
  ensured.set(db, keys);
  if (!keys.has(key)) {
    await db.$executeRaw`INSERT INTO "CallSlot" ("key", "nextAtMs") VALUES (${key}, 0) ON CONFLICT ("key") DO NOTHING`;
    keys.add(key);
  }
  const step = count * intervalMs;
  const rows =
    dialectOf(db) === "postgresql"
      ? await db.$queryRaw<{ next: bigint | number; now: bigint | number }[]>`
          WITH clock AS (SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now)
          UPDATE "CallSlot" SET "nextAtMs" = (CASE WHEN "nextAtMs" < clock.now THEN clock.now ELSE "nextAtMs" END) + ${step}::bigint
          FROM clock WHERE "key" = ${key}
          RETURNING "nextAtMs" AS next, clock.now AS now`
      : // 'now' is one value for the whole statement in SQLite (RETURNING included).
        await db.$queryRaw<{ next: bigint | number; now: bigint | number }[]>`
          UPDATE "CallSlot" SET "nextAtMs" = max("nextAtMs", CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) + ${step}
          WHERE "key" = ${key}
          RETURNING "nextAtMs" AS next, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS now`;
  const row = rows[0];
  if (!row) {
    keys.delete(key); // the row was removed: make it again
    return reserveSlots(db, key, count, intervalMs);
  }
  return { slots: slotsOf(Number(row.next), count, intervalMs), dbNowMs: Number(row.now) };
}

/**
 * Calls start at their reserved slots. One reservation statement at a time per app and process;
 * the calls that queued meanwhile share the next one (up to MAX_SLOTS_PER_STATEMENT). Like an
 * in-process limiter, a call also starts at least one interval after this process's previous one:
 * timers delayed by a busy event loop fire together, and must not leave as a burst.
 */
class DbCallGate implements CallGate {
  private readonly waiting: (() => void)[] = [];
  private readonly slotted: { atMs: number; resolve: () => void }[] = [];
  private reserving = false;
  private timer: NodeJS.Timeout | null = null;
  private lastStartMs = Number.NEGATIVE_INFINITY;
  private local: Bottleneck | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly intervalMs: number,
  ) {}

  async schedule<T>(fn: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.reserve();
    });
    return fn();
  }

  private reserve(): void {
    if (this.reserving || this.waiting.length === 0) return;
    this.reserving = true;
    const batch = this.waiting.splice(0, MAX_SLOTS_PER_STATEMENT);
    reserveSlots(this.db, this.key, batch.length, this.intervalMs)
      .then(
        ({ slots, dbNowMs }) => {
          // The database's clock turned into this process's: the wait counts from the answer, so never before the slot.
          const now = performance.now();
          batch.forEach((resolve, i) => this.slotted.push({ atMs: now + slots[i]! - dbNowMs, resolve }));
          this.release();
        },
        (error: unknown) => this.fallBack(batch, error),
      )
      .finally(() => {
        this.reserving = false;
        this.reserve();
      });
  }

  // Slots of one process only grow (one reservation at a time), so the queue is in order.
  private release(): void {
    if (this.timer) return;
    for (let next = this.slotted[0]; next; next = this.slotted[0]) {
      const now = performance.now();
      const at = Math.max(next.atMs, this.lastStartMs + this.intervalMs);
      if (at > now) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.release();
        }, at - now);
        return;
      }
      this.slotted.shift();
      this.lastStartMs = now;
      next.resolve();
    }
  }

  // The database did not answer (busy, down): this process keeps its own spacing meanwhile
  // rather than failing DingTalk calls; DingTalk's 90018, if any, is retried by the client.
  private fallBack(batch: (() => void)[], error: unknown): void {
    if (!this.local) {
      console.warn(
        `DingTalk call gate: the database did not reserve a slot, spacing in this process: ${String(error)}`,
      );
      this.local = new Bottleneck({ minTime: this.intervalMs });
    }
    const local = this.local;
    for (const resolve of batch) void local.schedule(async () => resolve());
  }
}

const gates = new WeakMap<Db, Map<string, DbCallGate>>();

/** The gate of one app (base URL + AppKey) on `db`, shared by every client of this process. */
export function sharedCallGate(db: Db, { baseUrl, appKey, qps }: CallGateRequest): CallGate {
  const key = `${baseUrl}|${appKey}`;
  const interval = slotIntervalMs(qps);
  const byKey = gates.get(db) ?? new Map<string, DbCallGate>();
  gates.set(db, byKey);
  let gate = byKey.get(`${key}|${interval}`);
  if (!gate) {
    gate = new DbCallGate(db, key, interval);
    byKey.set(`${key}|${interval}`, gate);
  }
  return gate;
}

let processDb: Db | undefined;

/** The database this process paces its DingTalk calls through; default: a client of DATABASE_URL made on first use. */
export function setCallGateDb(db: Db): void {
  processDb = db;
}

/**
 * Whether this process paces DingTalk calls through the database: always on PostgreSQL (several
 * processes, maybe machines); on SQLite (one machine) only with DINGTALK_SHARED_QPS=true.
 */
export function sharesCallGate(): boolean {
  const dialect = processDb ? dialectOf(processDb) : dialectOfUrl(databaseUrl());
  return dialect === "postgresql" || process.env.DINGTALK_SHARED_QPS === "true";
}

/** A DingTalk client's `gateFor` when calls are paced through the database, else undefined (the in-process limiter). */
export function processGateFor(): ((request: CallGateRequest) => CallGate) | undefined {
  if (!sharesCallGate()) return undefined;
  return (request) => sharedCallGate((processDb ??= createPrismaClient()), request);
}
