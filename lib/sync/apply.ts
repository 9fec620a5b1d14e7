// Executes a plan exactly, op by op, in the plan's order. One failed object never stops
// the others; each gets a sync record. Stops between objects on abort, and before any
// delete while the plan is held.
import { isDingTalkError } from "@/lib/dingtalk";
import { UnresolvedDepartment, type ApplyContext, type Outcome } from "./apply-context";
import { applyDeptCreate, applyDeptDelete, applyDeptUpdate } from "./apply-departments";
import { applyUserCreate, applyUserDelete, applyUserUpdate } from "./apply-users";
import type { RunStatus } from "./run";
import type { ApplyClient, SyncStore } from "./store";
import type { Plan, PlanOp, SyncAction, SyncRecordInput } from "./types";
import { eventLoopYielder } from "./yield";

/** The counters of a run so far (created, updated, failed...), as each object is done. */
export type ApplyCounts = Omit<ApplyResult, "status" | "stoppedBy">;

export type ApplyProgress = { processed: number; total: number; record: SyncRecordInput; counts: ApplyCounts };

export type ApplyOptions = {
  plan: Plan;
  client: ApplyClient;
  store: SyncStore;
  signal?: AbortSignal;
  onProgress?: (progress: ApplyProgress) => void;
  /** An administrator confirmed the deletes of a held plan. */
  confirmDeletes?: boolean;
  /** User writes in flight at once (default 8). */
  concurrency?: number;
};

/** How the run ended: the stored run status (lib/sync/run.ts), without the statuses of a run not yet done. */
export type ApplyStatus = Exclude<RunStatus, "queued" | "running">;

export type ApplyResult = {
  status: ApplyStatus;
  total: number;
  processed: number;
  created: number;
  updated: number;
  deleted: number;
  bound: number;
  skipped: number;
  failed: number;
  /** Of the failed: refused by the plan (a mapping problem, a name conflict), no call made. */
  refused: number;
  /** Dry run: writes that would have been made. */
  planned: number;
  /** Why the run stopped early (quota, permission, credentials), if it did. */
  stoppedBy?: SyncRecordInput;
};

const ACTION: Record<PlanOp["kind"], SyncAction> = {
  dept_create: "create",
  dept_update: "update",
  dept_move: "move",
  dept_delete: "delete",
  dept_blocked: "noop",
  user_create: "create",
  user_update: "update",
  user_bind: "bind",
  user_delete: "delete",
  user_invalid: "noop",
};

function execute(ctx: ApplyContext, op: PlanOp): Promise<Outcome> {
  switch (op.kind) {
    case "dept_create":
      return applyDeptCreate(ctx, op);
    case "dept_update":
    case "dept_move":
      return applyDeptUpdate(ctx, op);
    case "dept_delete":
      return applyDeptDelete(ctx, op);
    case "user_create":
      return applyUserCreate(ctx, op);
    case "user_update":
    case "user_bind":
      return applyUserUpdate(ctx, op);
    case "user_delete":
      return applyUserDelete(ctx, op);
    case "dept_blocked":
      // A department that cannot be deleted yet is left in place, not an error of this run.
      return Promise.resolve({ action: "noop", status: op.reason.code === "delete_not_empty" ? "skipped" : "failed" });
    case "user_invalid":
      return Promise.resolve({ action: "noop", status: "failed" });
  }
}

/** A failure that makes every further call pointless: say so once and stop. */
function stopsTheRun(err: unknown): boolean {
  return isDingTalkError(err) && (err.kind === "quota" || err.kind === "permission" || err.kind === "auth");
}

async function runOne(ctx: ApplyContext, op: PlanOp): Promise<{ outcome: Outcome; stop: boolean }> {
  try {
    return { outcome: await execute(ctx, op), stop: false };
  } catch (err) {
    const action = ACTION[op.kind];
    if (err instanceof UnresolvedDepartment) {
      const status = ctx.isDryRun ? "planned" : "failed";
      return {
        outcome: { action, status, reason: { code: "department_not_created", params: { ouId: err.ouId } } },
        stop: false,
      };
    }
    if (!isDingTalkError(err)) throw err;
    if (err.code === "dry_run") return { outcome: { action, status: "planned" }, stop: false };
    const outcome: Outcome = {
      action,
      status: "failed",
      errcode: err.effectiveCode,
      errorMessage: err.message,
      reason: { code: `dingtalk_${err.kind}` },
    };
    return { outcome, stop: stopsTheRun(err) };
  }
}

function isDelete(op: PlanOp): boolean {
  return op.kind === "user_delete" || op.kind === "dept_delete";
}

function isUserWrite(op: PlanOp): boolean {
  return op.kind === "user_create" || op.kind === "user_update" || op.kind === "user_bind";
}

/** Default user writes in flight: departments go one by one (parents first), users in parallel. */
export const DEFAULT_APPLY_CONCURRENCY = 8;

export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  const { plan, client, store, signal, onProgress } = options;
  const ctx: ApplyContext = { client, store, isDryRun: client.isDryRun, createdDepts: new Map() };
  const result: ApplyResult = {
    status: "succeeded",
    total: plan.ops.length,
    processed: 0,
    created: 0,
    updated: 0,
    deleted: 0,
    bound: 0,
    skipped: 0,
    failed: 0,
    refused: 0,
    planned: 0,
  };
  const isHeld = plan.held !== undefined && !options.confirmDeletes;
  let stoppedBy: SyncRecordInput | undefined;
  let isCancelled = false;
  const pause = eventLoopYielder();

  const processOp = async (op: PlanOp) => {
    if (signal?.aborted) {
      isCancelled = true;
      return;
    }
    let outcome: Outcome;
    if (stoppedBy)
      outcome = {
        action: ACTION[op.kind],
        status: "skipped",
        reason: { code: "run_stopped", params: { errcode: stoppedBy.errcode } },
      };
    else if (isHeld && isDelete(op))
      outcome = { action: ACTION[op.kind], status: "skipped", reason: { code: "held_for_confirmation" } };
    else {
      const done = await runOne(ctx, op);
      outcome = done.outcome;
      if (done.stop && !stoppedBy) stoppedBy = toRecord(op, outcome);
    }
    const record = toRecord(op, outcome);
    await store.writeRecord(record);
    count(result, record);
    result.processed += 1;
    if (onProgress) {
      const { status: _status, stoppedBy: _stoppedBy, ...counts } = result;
      onProgress({ processed: result.processed, total: result.total, record, counts });
    }
    await pause();
  };

  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_APPLY_CONCURRENCY);
  for (let i = 0; i < plan.ops.length && !isCancelled;) {
    if (!isUserWrite(plan.ops[i])) {
      await processOp(plan.ops[i++]);
      continue;
    }
    // A run of user writes: independent of each other, so a small pool (the client's limiter still paces the calls).
    let end = i;
    while (end < plan.ops.length && isUserWrite(plan.ops[end])) end++;
    const batch = plan.ops.slice(i, end);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
        while (next < batch.length && !isCancelled) await processOp(batch[next++]);
      }),
    );
    i = end;
  }
  if (isCancelled) result.status = "cancelled";
  if (stoppedBy) result.stoppedBy = stoppedBy;
  if (result.status !== "cancelled")
    result.status = finalStatus(result, isHeld && plan.ops.some(isDelete), !!stoppedBy);
  return result;
}

function toRecord(op: PlanOp, outcome: Outcome): SyncRecordInput {
  return {
    objectType: op.objectType,
    localId: op.localId,
    remoteId: outcome.remoteId ?? op.remoteId ?? null,
    displayName: op.displayName,
    action: outcome.action,
    status: outcome.status,
    reason: outcome.reason ?? op.reason,
    errcode: outcome.errcode ?? null,
    errorMessage: outcome.errorMessage ?? null,
    diff: outcome.diff ?? op.diff,
  };
}

function count(result: ApplyResult, record: SyncRecordInput): void {
  if (record.status === "failed") {
    result.failed += 1;
    if (record.action === "noop") result.refused += 1;
  } else if (record.status === "skipped") result.skipped += 1;
  else if (record.status === "planned") result.planned += 1;
  else if (record.action === "create") result.created += 1;
  else if (record.action === "delete") result.deleted += 1;
  else if (record.action === "bind") result.bound += 1;
  else result.updated += 1;
}

function finalStatus(result: ApplyResult, isHeld: boolean, isStopped: boolean): ApplyStatus {
  if (isStopped) return "failed";
  if (isHeld) return "held";
  const succeeded = result.processed - result.failed - result.skipped;
  if (result.failed === 0) return "succeeded";
  return succeeded > 0 ? "partially_succeeded" : "failed";
}
