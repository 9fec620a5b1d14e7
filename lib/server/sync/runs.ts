import { dingTalkErrorDetail, isDingTalkError } from "@/lib/dingtalk";
import { applyPlan, planWithRules, SyncError, type ApplyResult, type Plan } from "@/lib/sync";
import {
  ACTIVE_RUN_STATUSES,
  isActiveRunStatus,
  WRITING_RUN_KINDS,
  writeRunError,
  type RunError,
  type RunKind,
  type RunTrigger,
} from "@/lib/sync/run";
import type { Prisma, SyncRun } from "@/lib/generated/prisma/client";
import { alertAfterRun } from "../alerts/after-run";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import type { Db } from "../prisma-client";
import { PrismaSyncStore } from "./prisma-store";
import { runCounts, runProgressWriter } from "./progress";
import { slices } from "./slices";
import { loadPlanInputs } from "./inputs";

const ACTIVE_STATUSES = [...ACTIVE_RUN_STATUSES];

type StartOptions = {
  db: Db;
  idpId: string;
  mode: RunKind;
  trigger: RunTrigger;
  actor: AuditActor;
} & RunOptions;

type RunOptions = {
  confirmDeletes?: boolean;
  onlyLocalIds?: string[];
  /** A reviewed plan (lib/server/sync/plans.ts): written as it is, without planning again. */
  plan?: Plan;
  /** The last outbox event the plan's directory reflects (a reviewed plan's; else read when the run starts). */
  outboxCursor?: number;
  /** The stored plan's id, for the audit log. */
  planId?: string;
  /** Stops the run between objects when aborted (the worker handing its work back on shutdown). */
  signal?: AbortSignal;
};

// Runs of this process, so they can be cancelled, and their executions (until the alerts are sent).
const controllers = new Map<string, AbortController>();
const executions = new Map<string, Promise<void>>();
const HEARTBEAT_MS = 2_000;

function staleAfterMs(): number {
  return Number(process.env.SYNC_STALE_MS ?? 20_000);
}

/**
 * A run that may still be writing: queued or running, or cancelled from another process and not
 * yet stopped by the process running it (it sets finishedAt when its last object is done).
 */
const MAY_BE_WRITING = {
  OR: [{ status: { in: ACTIVE_STATUSES } }, { status: "cancelled", finishedAt: null }],
};

/**
 * Closes runs whose process stopped beating (killed, crashed, restarted): they
 * did not finish, and say so. Safe with several processes: a live run beats.
 */
export async function recoverInterruptedRuns(db: Db): Promise<number> {
  const stale = new Date(Date.now() - staleAfterMs());
  const notBeating = {
    id: { notIn: [...controllers.keys()] },
    OR: [{ heartbeatAt: { lt: stale } }, { heartbeatAt: null, createdAt: { lt: stale } }],
  };
  const { count } = await db.syncRun.updateMany({
    where: { status: { in: ACTIVE_STATUSES }, ...notBeating },
    data: { status: "failed", error: writeRunError({ code: "interrupted" }), finishedAt: new Date() },
  });
  // Cancelled, but its process died before it could say it stopped.
  await db.syncRun.updateMany({
    where: { status: "cancelled", finishedAt: null, ...notBeating },
    data: { finishedAt: new Date() },
  });
  return count;
}

/**
 * One writing run per IdP at a time: two runs planning from the same snapshot could both create.
 * Check and create are one step across processes: the transaction first locks the IdP's row (a row
 * lock on PostgreSQL, the database's write lock on SQLite), so a second start waits and then sees the
 * first run. updatedAt is left alone: it versions the IdP's DingTalk client. A refusal commits rather
 * than rolls back: on SQLite, other work of this process on the same connection may have run inside.
 * The audit entry commits with the run: a run whose entry failed (a deleted administrator's id) would
 * otherwise stay queued, never executed, and block every later run until it went stale.
 */
async function createWritingRun(
  db: Db,
  data: Prisma.SyncRunUncheckedCreateInput,
  audit: (tx: Pick<Db, "auditLog">, run: SyncRun) => Promise<void>,
) {
  type Refusal = "errors.idpNotFound" | "errors.runInProgress";
  const outcome = await db.$transaction(async (tx): Promise<{ refused: Refusal } | { run: SyncRun }> => {
    const locked = await tx.$executeRaw`UPDATE "IdentityProvider" SET "id" = "id" WHERE "id" = ${data.idpId}`;
    if (locked === 0) return { refused: "errors.idpNotFound" };
    const writing = await tx.syncRun.count({
      where: { idpId: data.idpId, kind: { in: [...WRITING_RUN_KINDS] }, ...MAY_BE_WRITING },
    });
    if (writing > 0) return { refused: "errors.runInProgress" };
    const run = await tx.syncRun.create({ data });
    await audit(tx, run);
    return { run };
  });
  if ("refused" in outcome) throw new AppError({ code: outcome.refused });
  return outcome.run;
}

/** Queues a run and starts it in the background; one writing run per IdP at a time. */
export async function startSyncRun({ db, idpId, mode, trigger, actor, ...options }: StartOptions) {
  await recoverInterruptedRuns(db);
  const data = {
    idpId,
    kind: mode,
    trigger,
    status: "queued",
    heartbeatAt: new Date(),
    triggeredBy: actor === "system" ? "system" : actor.email,
  };
  const audit = (tx: Pick<Db, "auditLog">, run: SyncRun) =>
    writeAudit(tx, {
      actor,
      action: `sync.${mode}`,
      targetType: "idp",
      targetId: idpId,
      details: { runId: run.id, trigger, ...(options.planId && { planId: options.planId }) },
    });
  const run =
    mode === "dry_run"
      ? await (async () => {
          if (!(await db.identityProvider.count({ where: { id: idpId } })))
            throw new AppError({ code: "errors.idpNotFound" });
          return db.$transaction(async (tx) => {
            const created = await tx.syncRun.create({ data });
            await audit(tx, created);
            return created;
          });
        })()
      : await createWritingRun(db, data, audit);
  const controller = new AbortController();
  controllers.set(run.id, controller);
  options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  // Alerts (lib/server/alerts) once the run has ended: failed, deletes held, conflicts left.
  const execution = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => executeRun(db, run.id, controller, options))
    .finally(() => controllers.delete(run.id))
    .then(() => alertAfterRun(db, run.id))
    .catch((error: unknown) => {
      console.error("[sync] run ended badly:", error instanceof Error ? error.message : String(error));
    })
    .finally(() => executions.delete(run.id));
  executions.set(run.id, execution);
  return run;
}

/**
 * Cancels a run, in whichever process it runs: this process aborts its own run; a run of another
 * process is marked cancelled, which that process's heartbeat notices (it then stops between objects
 * and sets finishedAt). Until then the run still counts as writing, so no other run starts beside it.
 */
export async function cancelSyncRun(db: Db, runId: string, actor: AuditActor): Promise<void> {
  const run = await db.syncRun.findUnique({ where: { id: runId } });
  if (!run || !isActiveRunStatus(run.status)) throw new AppError({ code: "errors.runNotRunning" });
  const controller = controllers.get(runId);
  if (controller) controller.abort();
  else {
    const isBeating = (run.heartbeatAt ?? run.createdAt).getTime() > Date.now() - staleAfterMs();
    const { count } = await db.syncRun.updateMany({
      where: { id: runId, status: { in: ACTIVE_STATUSES } },
      data: { status: "cancelled", finishedAt: isBeating ? null : new Date() },
    });
    if (count === 0) throw new AppError({ code: "errors.runNotRunning" });
  }
  await writeAudit(db, { actor, action: "sync.cancel", targetType: "sync_run", targetId: runId });
}

/** What a failed run stores: codes only; an unexpected error's text goes to the log. */
export function runError(error: unknown): RunError {
  if (isDingTalkError(error)) return { code: "dingtalk", dingtalk: dingTalkErrorDetail(error) };
  if (error instanceof SyncError) return { code: error.code, params: error.params ?? {} };
  console.error("[sync] run failed:", error instanceof Error ? error.message : String(error));
  return { code: "internal" };
}

function stoppedError(result: ApplyResult): string | null {
  return result.stoppedBy ? writeRunError({ code: "stopped", errcode: result.stoppedBy.errcode }) : null;
}

/**
 * Beats every 2 s while the run is active. A run cancelled from another process no longer is: the
 * beat then aborts it here (it stops between objects) and keeps beating until the run has stopped.
 */
function startHeartbeat(db: Db, runId: string, controller: AbortController): () => void {
  const beat = async () => {
    const now = new Date();
    const { count } = await db.syncRun.updateMany({
      where: { id: runId, status: { in: ACTIVE_STATUSES } },
      data: { heartbeatAt: now },
    });
    if (count > 0) return;
    controller.abort();
    await db.syncRun.updateMany({ where: { id: runId, finishedAt: null }, data: { heartbeatAt: now } });
  };
  const timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_MS);
  return () => clearInterval(timer);
}

async function executeRun(db: Db, runId: string, controller: AbortController, options: RunOptions) {
  const signal = controller.signal;
  // Cancelled from another process before it started: nothing was written.
  const { count: started } = await db.syncRun.updateMany({
    where: { id: runId, status: "queued" },
    data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() },
  });
  if (started === 0) {
    await db.syncRun.updateMany({ where: { id: runId, finishedAt: null }, data: { finishedAt: new Date() } });
    return;
  }
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  const stopHeartbeat = startHeartbeat(db, runId, controller);
  const isDryRun = run.kind === "dry_run";
  // Events up to here are reflected by a full run; incremental sync continues after them.
  const cursorAtStart = options.outboxCursor ?? (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  try {
    const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: run.idpId } });
    const client = idpClient(idp, { dryRun: isDryRun });
    const only = options.onlyLocalIds;
    // A reviewed plan is written as it was reviewed; any other run plans against DingTalk as it is now.
    const plan =
      options.plan ??
      (await (async () => {
        const { input, compiled } = await loadPlanInputs(db, idp, client, { signal, only });
        return planWithRules(input, compiled);
      })());
    await db.syncRun.update({ where: { id: runId }, data: { total: plan.ops.length } });
    const progress = runProgressWriter(db, runId);
    const store = new PrismaSyncStore(db, idp.id, runId, isDryRun);
    const result = await applyPlan({
      plan,
      client,
      store,
      signal,
      confirmDeletes: options.confirmDeletes,
      // Counters for the UI's poll (created, updated, failed...), at most four writes a second.
      onProgress: ({ counts }) => progress.report(counts),
    });
    stopHeartbeat();
    await progress.settled();
    const status = result.status;
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status,
        total: result.total,
        ...runCounts(result),
        finishedAt: new Date(),
        error: plan.held && status === "held" ? writeRunError({ code: "held", ...plan.held }) : stoppedError(result),
      },
    });
    if (!isDryRun) {
      // An administrator's link has done its work once the account is bound: it must not re-link
      // the account to that user months later, after an unbind or a return to scope.
      const bound = await db.binding.findMany({
        where: { idpId: idp.id, objectType: "user", localId: { in: linkedAccounts(plan) } },
        select: { localId: true },
      });
      if (bound.length > 0)
        await db.matchDecision.deleteMany({
          where: { idpId: idp.id, decision: "link", localId: { in: bound.map((b) => b.localId) } },
        });
    }
    if (!isDryRun && (status === "succeeded" || status === "partially_succeeded")) {
      // Objects this run covered without failing are in step: their old failures no longer hold.
      const stale = { idpId: idp.id, runId: { not: runId } };
      if (!only) await db.syncFailure.deleteMany({ where: stale });
      for (const slice of only ? slices(only) : [])
        await db.syncFailure.deleteMany({ where: { ...stale, localId: { in: slice } } });
    }
    // A full run over everything is a baseline for incremental sync (a retry run never is).
    if (run.kind === "full" && !options.onlyLocalIds && isBaseline(result)) {
      await db.identityProvider.update({
        where: { id: idp.id },
        data: { lastFullSyncAt: new Date(), outboxCursor: Math.max(idp.outboxCursor, cursorAtStart) },
      });
    }
    if (!isDryRun && needsAttention(result, !options.onlyLocalIds))
      await db.identityProvider.update({ where: { id: idp.id }, data: { status: "needs_attention" } });
  } catch (error) {
    stopHeartbeat();
    const cancelled = signal.aborted;
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status: cancelled ? "cancelled" : "failed",
        error: cancelled ? null : writeRunError(runError(error)),
        finishedAt: new Date(),
      },
    });
    if (!cancelled && isDingTalkError(error) && (error.kind === "auth" || error.kind === "quota")) {
      await db.identityProvider.update({ where: { id: run.idpId }, data: { status: "needs_attention" } });
    }
  }
}

/** Accounts this plan binds by an administrator's link. */
function linkedAccounts(plan: Plan): string[] {
  return plan.ops.flatMap((op) =>
    op.kind === "user_bind" && op.reason.code === "linked_by_admin" ? [op.localId] : [],
  );
}

/**
 * A full run is a baseline when every object was written or failed by itself (a clash, a
 * refused value): the failures are kept and retried on their own. A run stopped by an
 * IdP-wide failure (credentials, permission, IP not allowed, quota) ends "failed" and is not.
 */
export function isBaseline(result: Pick<ApplyResult, "status" | "stoppedBy">): boolean {
  if (result.stoppedBy) return false;
  return result.status === "succeeded" || result.status === "partially_succeeded";
}

// Authentication failures, a used-up quota or, in a run over everything, a majority of objects
// DingTalk refused need a person: the IdP's status becomes needs_attention. Objects the plan refused
// (bad data in the directory) are shown, not a sign of trouble; nor is one refused object of a run
// over a few (a link from the conflict queue, a retry), which stays in the queue instead.
export function needsAttention(result: ApplyResult, isRunOverEverything: boolean): boolean {
  const kind = result.stoppedBy?.errcode;
  if (kind === 90020 || kind === 40089) return true;
  return isRunOverEverything && result.total > 0 && (result.failed - result.refused) / result.total > 0.5;
}

/** A run cancelled from another process has stopped once its process says so (or stopped beating). */
function hasStopped(run: { status: string; finishedAt: Date | null; heartbeatAt: Date | null }): boolean {
  if (isActiveRunStatus(run.status)) return false;
  if (run.status !== "cancelled" || run.finishedAt) return true;
  return (run.heartbeatAt?.getTime() ?? 0) < Date.now() - staleAfterMs();
}

/** For tests, the CLI and the worker: resolves when the run has stopped (left queued/running, and done writing). */
export async function waitForRun(db: Db, runId: string, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
    if (hasStopped(run)) {
      // A run of this process: also its last steps after the status (cursor, failures, alerts).
      const execution = executions.get(runId);
      if (!execution) return run;
      await execution;
      return db.syncRun.findUniqueOrThrow({ where: { id: runId } });
    }
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
