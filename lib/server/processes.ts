import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db } from "./prisma-client";

/**
 * The console's processes on one database: each console and worker process keeps a
 * `ProcessHeartbeat` row fresh while it runs (the health endpoint reports the youngest worker's
 * age) and deletes it when it stops; rows of processes that died without stopping are removed by
 * the others after an hour. Ages are measured against the reading process's clock, so the hosts'
 * clocks should agree (NTP) to within a few seconds.
 */
export type ProcessRole = "console" | "worker";

export type HeartbeatOptions = { intervalMs?: number };

/** A row not refreshed for this long belongs to a process that is gone. */
export const STALE_HEARTBEAT_MS = 60 * 60_000;
/** Prune the stale rows on every this many beats (and on start). */
const PRUNE_EVERY = 60;

/**
 * Writes this process's heartbeat now and every `intervalMs` (5 s by default); resolves, after the
 * first write, to a stop function that ends the beats and deletes the row. A failed write (the
 * database away for a moment) is logged and tried again on the next beat.
 */
export async function startHeartbeat(
  db: Db,
  role: ProcessRole,
  { intervalMs = 5000 }: HeartbeatOptions = {},
): Promise<() => Promise<void>> {
  const host = os.hostname();
  const id = `${host}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let beats = 0;
  let stopped = false;
  let isBeating = false;
  let current: Promise<void> = Promise.resolve();
  const beat = async () => {
    const beatAt = new Date();
    try {
      // An upsert: after a long pause (a suspended host) another process may have pruned the row.
      await db.processHeartbeat.upsert({
        where: { id },
        create: { id, role, host, pid: process.pid, beatAt },
        update: { beatAt },
      });
      if (beats++ % PRUNE_EVERY === 0) await pruneHeartbeats(db, beatAt);
    } catch (error) {
      console.warn(`[heartbeat] could not write the ${role} heartbeat:`, (error as Error).message);
    }
  };
  await beat();
  const timer = setInterval(() => {
    // A write slower than the interval is not queued behind: the next tick beats again.
    if (stopped || isBeating) return;
    isBeating = true;
    current = beat().finally(() => {
      isBeating = false;
    });
  }, intervalMs);
  // The heartbeat alone never keeps a process alive.
  timer.unref();
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await current;
    await db.processHeartbeat.deleteMany({ where: { id } }).catch((error: unknown) => {
      console.warn(`[heartbeat] could not remove the ${role} heartbeat:`, (error as Error).message);
    });
  };
}

/** Removes the rows of processes that stopped beating an hour ago (killed, host lost). */
export async function pruneHeartbeats(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.processHeartbeat.deleteMany({
    where: { beatAt: { lt: new Date(now.getTime() - STALE_HEARTBEAT_MS) } },
  });
  return count;
}

/** How long ago the most recently beating worker beat; null when no worker has a row. */
export async function workerHeartbeatAgeMs(db: Db, now = new Date()): Promise<number | null> {
  const youngest = await db.processHeartbeat.findFirst({
    where: { role: "worker" },
    orderBy: { beatAt: "desc" },
    select: { beatAt: true },
  });
  return youngest ? Math.max(0, now.getTime() - youngest.beatAt.getTime()) : null;
}

/**
 * Work to finish before the process exits (the in-process worker, its heartbeat, the Next.js
 * server's database client). Kept on globalThis: instrumentation.ts registers from Next.js's bundle,
 * lib/server/cli/serve.ts runs them from its own module graph.
 */
type ShutdownHook = () => Promise<void>;
const HOOKS = Symbol.for("dingtalk-console.shutdown-hooks");
const globalHooks = globalThis as unknown as { [HOOKS]?: ShutdownHook[] };

export function onShutdown(hook: ShutdownHook): void {
  (globalHooks[HOOKS] ??= []).push(hook);
}

/** Runs the registered hooks, the last registered first; a failing hook does not stop the others. */
export async function runShutdownHooks(): Promise<void> {
  const hooks = (globalHooks[HOOKS] ?? []).splice(0).reverse();
  for (const hook of hooks) {
    await hook().catch((error: unknown) => console.error("[shutdown]", (error as Error).message));
  }
}

/**
 * On SIGTERM or SIGINT: runs `shutdown` once, then exits 0. Past `timeoutMs` (SHUTDOWN_TIMEOUT_MS,
 * 25 s by default: under the usual 30 s grace before an orchestrator's SIGKILL), or on a second
 * signal, exits 1 at once; leases left behind expire and another process takes the work over.
 */
export function exitGracefully(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  { timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000) }: { timeoutMs?: number } = {},
): void {
  let isStopping = false;
  let stoppingSince = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) {
      // The same request delivered twice is not a second request: a process manager signals the
      // whole process group and npm relays the signal to its child too, within moments. A person
      // pressing Ctrl+C again later means "now".
      if (Date.now() - stoppingSince < 2_000) return;
      console.warn(`[shutdown] ${signal} again: exiting now`);
      process.exit(1);
    }
    isStopping = true;
    stoppingSince = Date.now();
    setTimeout(() => {
      console.error(`[shutdown] not finished after ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    void shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[shutdown]", (error as Error).message);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
