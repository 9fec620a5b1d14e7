// The scheduler: run from the sync worker's loop (instrumentation.ts in the console, or `npm run worker`).
// The due time is stored on the IdP, so a restart keeps it; a due IdP is claimed by an atomic conditional
// update that takes the lease and moves the due time on in one statement, so among processes sharing the
// database exactly one starts the reconciliation, and slots missed while down run it once.
import { randomUUID } from "node:crypto";
import { AppError } from "../app-error";
import type { Db } from "../prisma-client";
import { claimReconcileLease, recoverInterruptedReconciliations, startReconciliation } from "./reconcile";
import { nextDueAfter } from "./schedule";

const RETRY_BUSY_MS = 5 * 60_000;
const processOwner = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type ReconcileTickOptions = { owner?: string; now?: Date };

/** One pass; returns the reconciliations it started (awaitable, for tests and the CLI). */
export async function runReconcileTick(db: Db, options: ReconcileTickOptions = {}) {
  const owner = options.owner ?? processOwner;
  const now = options.now ?? new Date();
  const idps = await db.identityProvider.findMany({
    where: { status: "enabled", lastFullSyncAt: { not: null }, reconcileSchedule: { not: "off" } },
    select: { id: true, reconcileSchedule: true, reconcileEveryHours: true, reconcileAt: true, reconcileNextAt: true },
  });
  const started: { idpId: string; id: string; done: Promise<void> }[] = [];
  for (const idp of idps) {
    const settings = { schedule: idp.reconcileSchedule, everyHours: idp.reconcileEveryHours, at: idp.reconcileAt };
    if (!idp.reconcileNextAt) {
      // A schedule just set (or an IdP from before schedules): its first slot, not a run now.
      await db.identityProvider.updateMany({
        where: { id: idp.id, reconcileNextAt: null },
        data: { reconcileNextAt: nextDueAfter(settings, now) },
      });
      continue;
    }
    if (idp.reconcileNextAt > now) continue;
    const next = nextDueAfter(settings, now);
    // A reconciliation left "running" by a process that stopped is closed before another starts.
    await recoverInterruptedReconciliations(db, idp.id);
    // Only the process whose update still sees this due time (and a free lease) runs it.
    const claimed = await claimReconcileLease(
      db,
      idp.id,
      owner,
      { reconcileNextAt: next },
      {
        reconcileNextAt: idp.reconcileNextAt,
      },
    );
    if (!claimed) continue;
    try {
      const run = await startReconciliation({
        db,
        idpId: idp.id,
        trigger: "schedule",
        actor: "system",
        owner,
        leased: true,
      });
      started.push({ idpId: idp.id, ...run });
    } catch (error) {
      // A run is writing: try again a little later rather than at the next slot.
      await db.identityProvider.updateMany({
        where: { id: idp.id, reconcileLeaseOwner: owner },
        data: {
          reconcileLeaseOwner: null,
          reconcileLeaseUntil: null,
          ...(error instanceof AppError && { reconcileNextAt: new Date(now.getTime() + RETRY_BUSY_MS) }),
        },
      });
      if (!(error instanceof AppError)) throw error;
    }
  }
  return started;
}

const TICK_EVERY_MS = 15_000;
let lastTick = 0;

/** Called on every pass of the worker loop: a scheduler pass at most every 15 s; never throws. */
export async function maybeReconcile(db: Db): Promise<void> {
  if (Date.now() - lastTick < TICK_EVERY_MS) return;
  lastTick = Date.now();
  await runReconcileTick(db).catch((error: unknown) => {
    console.error("[reconcile] tick failed:", error instanceof Error ? error.message : String(error));
  });
}
