import { randomUUID } from "node:crypto";
import { AppError } from "../app-error";
import { maybeReconcile } from "../reconcile/tick";
import { flushDueAlerts } from "../alerts/notify";
import type { Db } from "../prisma-client";
import { startSyncRun, waitForRun } from "./runs";
import { slices } from "./slices";

export type IncrementalOptions = { owner?: string; leaseMs?: number; batchSize?: number; maxAttempts?: number };
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
    const due = await db.syncFailure.findMany({
      where: { idpId: idp.id, nextRetryAt: { lte: now } },
      select: { localId: true },
      take: options.batchSize ?? 1000,
    });
    if (maxEventId <= idp.outboxCursor && due.length === 0) continue;
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
    });
  } catch (error) {
    // A full run is writing: its snapshot will include these changes or the next tick will.
    if (error instanceof AppError && error.code === "errors.runInProgress") return null;
    throw error;
  }
  const done = await waitForRun(db, run.id, { timeoutMs: 30 * 60_000 });
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

/** The worker loop: a tick every `intervalMs` (never two at once). Returns a stop function. */
export function startIncrementalWorker(
  db: Db,
  { intervalMs = 500, ...options }: IncrementalOptions & { intervalMs?: number } = {},
): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      current = runIncrementalTick(db, options)
        .catch((error: unknown) => {
          console.error("[incremental] tick failed:", error instanceof Error ? error.message : String(error));
        })
        // Scheduled reconciliation (lib/server/reconcile) rides on the same loop.
        .then(() => maybeReconcile(db))
        .then(() => flushDueAlerts(db));
      await current;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  void loop();
  return async () => {
    stopped = true;
    await current;
  };
}
