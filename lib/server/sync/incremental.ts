import { randomUUID } from "node:crypto";
import { AppError } from "../app-error";
import { handBackReconciliations } from "../reconcile/reconcile";
import { maybeReconcile } from "../reconcile/tick";
import { flushDueAlerts } from "../alerts/notify";
import type { Db } from "../prisma-client";
import { startSyncRun, waitForRun } from "./runs";
import { slices } from "./slices";

export type IncrementalOptions = {
  owner?: string;
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Aborted when the worker stops: no new IdP is claimed, the current run stops between objects. */
  signal?: AbortSignal;
};
export type TickResult = { idpId: string; events: number; runId: string; status: string };

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * One pass of the incremental worker: for every IdP with incremental sync on
 * (and a successful full sync behind it), claim its lease, take the outbox
 * events after its cursor, coalesce them by object, and run an incremental
 * sync of exactly those objects. The cursor only moves after the run, so a
 * crash means the events are applied again (idempotently) by the next owner.
 */
export async function runIncrementalTick(db: Db, options: IncrementalOptions = {}): Promise<TickResult[]> {
  const owner = options.owner ?? workerId;
  const leaseMs = options.leaseMs ?? 60_000;
  const now = new Date();
  const idps = await db.identityProvider.findMany({
    where: {
      incrementalSync: true,
      status: "enabled",
      lastFullSyncAt: { not: null },
      OR: [{ incrementalRetryAt: null }, { incrementalRetryAt: { lte: now } }],
    },
    select: { id: true, outboxCursor: true, incrementalFailures: true },
  });
  const maxEventId = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const results: TickResult[] = [];
  for (const idp of idps) {
    if (options.signal?.aborted) break;
    const due = await db.syncFailure.findMany({
      where: { idpId: idp.id, nextRetryAt: { lte: now } },
      select: { localId: true },
      take: options.batchSize ?? 1000,
    });
    if (maxEventId <= idp.outboxCursor && due.length === 0) continue;
    // The claim is one conditional UPDATE (compare-and-set), atomic on both databases: PostgreSQL
    // re-checks the WHERE on the row it locked (a racing claim waits, then sees the new owner and
    // matches nothing) and SQLite has one writer. FOR UPDATE SKIP LOCKED is not used: it holds only
    // for a transaction, and a run lasts minutes (a connection held, past the transaction timeout);
    // the lease is a stored owner and expiry instead, renewed while working, taken over once expired.
    const claimed = await db.identityProvider.updateMany({
      where: {
        id: idp.id,
        OR: [{ workerLeaseUntil: null }, { workerLeaseUntil: { lt: now } }, { workerLeaseOwner: owner }],
      },
      data: { workerLeaseOwner: owner, workerLeaseUntil: new Date(Date.now() + leaseMs) },
    });
    if (claimed.count === 0) continue;
    // Keep the lease while the run lasts; a dead worker stops renewing and loses it.
    const renew = setInterval(
      () =>
        void db.identityProvider
          .updateMany({
            where: { id: idp.id, workerLeaseOwner: owner },
            data: { workerLeaseUntil: new Date(Date.now() + leaseMs) },
          })
          .catch(() => undefined),
      Math.max(100, leaseMs / 3),
    );
    try {
      const result = await syncEvents(
        db,
        idp,
        due.map((f) => f.localId),
        options,
      );
      if (result) results.push(result);
    } finally {
      clearInterval(renew);
      await db.identityProvider.updateMany({
        where: { id: idp.id, workerLeaseOwner: owner },
        data: { workerLeaseOwner: null, workerLeaseUntil: null },
      });
    }
  }
  return results;
}

/** Applies the events after the IdP's cursor, and tries again the failed objects that are due. */
async function syncEvents(
  db: Db,
  idp: { id: string; outboxCursor: number; incrementalFailures: number },
  dueRetries: string[],
  options: IncrementalOptions,
): Promise<TickResult | null> {
  const events = await db.outboxEvent.findMany({
    where: { id: { gt: idp.outboxCursor } },
    orderBy: { id: "asc" },
    take: options.batchSize ?? 1000,
  });
  if (events.length === 0 && dueRetries.length === 0) return null;
  const lastId = events.at(-1)?.id ?? idp.outboxCursor;
  const localIds = [...new Set([...events.map((e) => e.objectId), ...dueRetries])];
  let run;
  try {
    run = await startSyncRun({
      db,
      idpId: idp.id,
      mode: "incremental",
      trigger: "incremental",
      actor: "system",
      onlyLocalIds: localIds,
      signal: options.signal,
    });
  } catch (error) {
    // A full run is writing: its snapshot will include these changes or the next tick will.
    if (error instanceof AppError && error.code === "errors.runInProgress") return null;
    throw error;
  }
  const done = await waitForRun(db, run.id, { timeoutMs: 30 * 60_000 });
  // Handed back by a stopping worker: the objects it wrote are bound, the rest are planned again by
  // the next owner from the same events (the cursor stays), at once and without a back-off.
  if (done.status === "cancelled" && options.signal?.aborted)
    return { idpId: idp.id, events: events.length, runId: run.id, status: done.status };
  // A run whose objects all failed still ran: each failure is kept (SyncFailure) and retried on its own.
  const isApplied =
    done.status === "succeeded" ||
    done.status === "partially_succeeded" ||
    done.status === "held" ||
    (done.status === "failed" && !done.error);
  if (isApplied) {
    // A due retry that this run neither wrote nor cleared (held, skipped) is left to a person:
    // trying it again every tick would only repeat the same run.
    for (const slice of slices(dueRetries)) {
      await db.syncFailure.updateMany({
        where: { idpId: idp.id, localId: { in: slice }, runId: { not: run.id } },
        data: { nextRetryAt: null },
      });
    }
    await db.identityProvider.update({
      where: { id: idp.id },
      data: { outboxCursor: lastId, incrementalFailures: 0, incrementalRetryAt: null, incrementalError: null },
    });
    await db.outboxEvent.updateMany({
      where: { id: { gt: idp.outboxCursor, lte: lastId }, processedAt: null },
      data: { processedAt: new Date() },
    });
  } else {
    // The whole run failed (DingTalk unreachable, credentials...): back off, keep the events.
    const failures = idp.incrementalFailures + 1;
    const retryIn = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
    await db.identityProvider.update({
      where: { id: idp.id },
      data: {
        incrementalFailures: failures,
        incrementalRetryAt: new Date(Date.now() + retryIn),
        incrementalError: done.error,
      },
    });
    await db.outboxEvent.updateMany({
      where: { id: { gt: idp.outboxCursor, lte: lastId } },
      data: { attempts: { increment: 1 }, lastError: done.error },
    });
  }
  return { idpId: idp.id, events: events.length, runId: run.id, status: done.status };
}

const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type WorkerOptions = IncrementalOptions & {
  intervalMs?: number;
  /** How long stop() waits for the current run to stop between objects before it lets go anyway. */
  stopDeadlineMs?: number;
};

/**
 * The worker loop: a tick every `intervalMs` (never two at once). Returns a stop function that
 * hands the work back (SIGTERM): no new tick, the current run stops between objects (an object in
 * flight is written and bound, or not written at all), and this worker's leases are released so
 * another worker takes the IdPs at once rather than when the leases expire.
 */
export function startIncrementalWorker(
  db: Db,
  { intervalMs = 500, stopDeadlineMs = 10_000, ...options }: WorkerOptions = {},
): () => Promise<void> {
  const owner = options.owner ?? workerId;
  const stopping = new AbortController();
  let wake = () => {};
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (!stopping.signal.aborted) {
      current = runIncrementalTick(db, { ...options, owner, signal: stopping.signal })
        .catch((error: unknown) => {
          console.error("[incremental] tick failed:", error instanceof Error ? error.message : String(error));
        })
        // Scheduled reconciliation (lib/server/reconcile) rides on the same loop.
        .then(() => (stopping.signal.aborted ? undefined : maybeReconcile(db)))
        .then(() => (stopping.signal.aborted ? undefined : flushDueAlerts(db)));
      await current;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  void loop();
  return async () => {
    stopping.abort();
    wake();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, stopDeadlineMs)));
    await Promise.race([current, deadline]);
    // This process's reconciliations (scheduled or Reconcile now) finish by the same deadline or are handed back.
    await handBackReconciliations(db, deadline);
    clearTimeout(timer);
    // A run still writing past the deadline is left to the stale-run recovery of the next owner.
    await db.identityProvider.updateMany({
      where: { workerLeaseOwner: owner },
      data: { workerLeaseOwner: null, workerLeaseUntil: null },
    });
  };
}
