// A reconciliation (issue 15): read everything under the target node, plan as a full run would, and
// store what differs as drift (lib/sync/drift.ts). Nothing is written to DingTalk here; under the
// "repair" policy a run over the drifted objects follows (repair.ts), never over unknown objects.
import { randomUUID } from "node:crypto";
import type { DingTalkClient } from "@/lib/dingtalk";
import type { IdentityProvider } from "@/lib/generated/prisma/client";
import { planWithRules } from "@/lib/sync";
import { classifyDrift, countDrift, type DriftItem } from "@/lib/sync/drift";
import { WRITING_RUN_KINDS, ACTIVE_RUN_STATUSES, writeRunError } from "@/lib/sync/run";
import { raiseAlert } from "../alerts/notify";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import type { Db } from "../prisma-client";
import { loadPlanInputs } from "../sync/inputs";
import { runError } from "../sync/runs";
import { repairDrift } from "./repair";

const READ_METHODS = new Set(["getDepartment", "listSubDepartments", "listUsers", "getUser", "getUseridByMobile"]);
const ITEM_SLICE = 500;

/**
 * The client, counting the read calls it makes (each page of a user list is one call). A department
 * read by its id is read once per reconciliation (the target node: its level, then its name).
 */
function countingClient(client: DingTalkClient): { client: DingTalkClient; reads: () => number } {
  let reads = 0;
  const departments = new Map<string, unknown>();
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function" || !READ_METHODS.has(String(prop))) return value;
      return (...args: unknown[]) => {
        const key = prop === "getDepartment" ? JSON.stringify(args) : null;
        if (key && departments.has(key)) return departments.get(key);
        reads += 1;
        const result = (value as (...a: unknown[]) => unknown).apply(receiver, args);
        if (key) departments.set(key, result);
        return result;
      };
    },
  });
  return { client: proxy, reads: () => reads };
}

export const LEASE_MS = 60_000;

type Running = { idpId: string; owner: string; done: Promise<void>; stop: AbortController };
/**
 * This process's reconciliations still reading. On globalThis: Next.js loads this module once in the
 * instrumentation's bundle (the worker's stop) and once in the server actions' (Reconcile now).
 */
const RUNNING = Symbol.for("dingtalk-console.reconciliations");
const globalRunning = globalThis as unknown as { [RUNNING]?: Map<string, Running> };
const running = (globalRunning[RUNNING] ??= new Map<string, Running>());

/**
 * A stopping process hands back its reconciliations: those still reading when `deadline` settles are
 * closed as failed, interrupted, store nothing more, and release their leases, so another process may
 * reconcile at once rather than after the lease time. Returns how many were handed back.
 */
export async function handBackReconciliations(db: Db, deadline: Promise<void>): Promise<number> {
  const mine = [...running.entries()];
  if (mine.length === 0) return 0;
  await Promise.race([Promise.allSettled(mine.map(([, r]) => r.done)), deadline]);
  let handedBack = 0;
  for (const [id, r] of mine) {
    if (!running.has(id)) continue;
    r.stop.abort();
    await db.reconciliation.updateMany({
      where: { id, status: "running" },
      data: { status: "failed", error: writeRunError({ code: "interrupted" }), finishedAt: new Date() },
    });
    await db.identityProvider.updateMany({
      where: { id: r.idpId, reconcileLeaseOwner: r.owner },
      data: { reconcileLeaseOwner: null, reconcileLeaseUntil: null },
    });
    handedBack += 1;
  }
  return handedBack;
}

/** Takes the IdP's reconciliation lease (an atomic conditional update); false when another process holds it. */
export async function claimReconcileLease(db: Db, idpId: string, owner: string, extra: object = {}, where = {}) {
  const now = new Date();
  const { count } = await db.identityProvider.updateMany({
    where: {
      id: idpId,
      ...where,
      OR: [{ reconcileLeaseUntil: null }, { reconcileLeaseUntil: { lt: now } }, { reconcileLeaseOwner: owner }],
    },
    data: { reconcileLeaseOwner: owner, reconcileLeaseUntil: new Date(now.getTime() + LEASE_MS), ...extra },
  });
  return count === 1;
}

/**
 * Closes reconciliations left "running" by a process that stopped (killed, crashed, restarted): once
 * the IdP's reconciliation lease has expired nobody reads for them any more, so they failed, interrupted.
 * A live reconciliation renews its lease, so this is safe with several processes.
 */
export async function recoverInterruptedReconciliations(db: Db, idpId: string): Promise<number> {
  const idp = await db.identityProvider.findUnique({
    where: { id: idpId },
    select: { reconcileLeaseUntil: true },
  });
  if (!idp || (idp.reconcileLeaseUntil && idp.reconcileLeaseUntil.getTime() >= Date.now())) return 0;
  const { count } = await db.reconciliation.updateMany({
    where: { idpId, status: "running" },
    data: { status: "failed", error: writeRunError({ code: "interrupted" }), finishedAt: new Date() },
  });
  return count;
}

async function isWriting(db: Db, idpId: string): Promise<boolean> {
  const active = await db.syncRun.count({
    where: { idpId, kind: { in: [...WRITING_RUN_KINDS] }, status: { in: [...ACTIVE_RUN_STATUSES] } },
  });
  return active > 0;
}

export type ReconcileOptions = {
  db: Db;
  idpId: string;
  trigger: "schedule" | "manual";
  actor: AuditActor;
  /** A lease owner; one is made up when absent. */
  owner?: string;
  /** True when the caller already holds the lease (the scheduler's claim). */
  leased?: boolean;
};

/**
 * Starts a reconciliation and returns its id at once; the read goes on in the background.
 * Refused while a run writes to this IdP (its half-written state would read as drift) or while
 * another process reconciles it.
 */
export async function startReconciliation(options: ReconcileOptions): Promise<{ id: string; done: Promise<void> }> {
  const { db, idpId, trigger, actor } = options;
  const owner = options.owner ?? `reconcile-${randomUUID()}`;
  const idp = await db.identityProvider.findUnique({ where: { id: idpId } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (await isWriting(db, idpId)) throw new AppError({ code: "errors.runInProgress" });
  if (!options.leased) {
    await recoverInterruptedReconciliations(db, idpId);
    if (!(await claimReconcileLease(db, idpId, owner))) throw new AppError({ code: "errors.reconcileInProgress" });
  }
  const row = await db.reconciliation.create({
    data: { idpId, trigger, triggeredBy: actor === "system" ? "system" : actor.email },
  });
  await writeAudit(db, {
    actor,
    action: "reconcile.run",
    targetType: "idp",
    targetId: idpId,
    details: { reconciliationId: row.id, trigger },
  });
  const renew = setInterval(
    () =>
      void db.identityProvider
        .updateMany({
          where: { id: idpId, reconcileLeaseOwner: owner },
          data: { reconcileLeaseUntil: new Date(Date.now() + LEASE_MS) },
        })
        .catch(() => undefined),
    LEASE_MS / 3,
  );
  const stop = new AbortController();
  const done = reconcile(db, idp, row.id, stop.signal)
    .catch(async (error: unknown) => {
      console.error("[reconcile] failed:", error);
      // Whatever went wrong, the reconciliation does not stay "running".
      await db.reconciliation
        .updateMany({
          where: { id: row.id, status: "running" },
          data: { status: "failed", error: writeRunError(runError(error)), finishedAt: new Date() },
        })
        .catch(() => undefined);
    })
    .finally(async () => {
      clearInterval(renew);
      await db.identityProvider
        .updateMany({
          where: { id: idpId, reconcileLeaseOwner: owner },
          data: { reconcileLeaseOwner: null, reconcileLeaseUntil: null },
        })
        .catch(() => undefined);
      running.delete(row.id);
    });
  running.set(row.id, { idpId, owner, done, stop });
  return { id: row.id, done };
}

/** Reads, then stores the drift; handed back (`stopped`) it stores nothing: it was closed as interrupted. */
async function reconcile(db: Db, idp: IdentityProvider, id: string, stopped: AbortSignal): Promise<void> {
  const counted = countingClient(idpClient(idp));
  let items: DriftItem[];
  try {
    const { input, compiled } = await loadPlanInputs(db, idp, counted.client);
    const plan = planWithRules(input, compiled);
    const ous = await db.organizationalUnit.findMany({ select: { id: true, name: true } });
    const target = await counted.client.getDepartment(idp.targetDeptId).catch(() => undefined);
    items = classifyDrift({
      plan,
      snapshot: input.snapshot,
      bindings: input.bindings,
      ouNames: new Map(ous.map((o) => [o.id, o.name])),
      targetName: target?.name,
    });
  } catch (error) {
    if (stopped.aborted) return;
    await db.reconciliation.update({
      where: { id },
      data: {
        status: "failed",
        error: writeRunError(runError(error)),
        readCalls: counted.reads(),
        finishedAt: new Date(),
      },
    });
    return;
  }
  if (stopped.aborted) return;
  for (let i = 0; i < items.length; i += ITEM_SLICE)
    await db.driftItem.createMany({
      data: items.slice(i, i + ITEM_SLICE).map((item) => ({
        reconciliationId: id,
        kind: item.kind,
        objectType: item.objectType,
        localId: item.localId,
        remoteId: item.remoteId,
        displayName: item.displayName,
        diff: JSON.stringify(item.diff),
        directoryChanged: item.directoryChanged,
      })),
    });
  const counts = countDrift(items);
  await db.reconciliation.update({
    where: { id },
    data: { status: "succeeded", counts: JSON.stringify(counts), readCalls: counted.reads(), finishedAt: new Date() },
  });
  if (items.length > 0) await raiseAlert({ db, idpId: idp.id, kind: "drift_found", count: items.length }).catch(warn);
  if (idp.driftPolicy === "repair" && items.some((i) => i.kind !== "unknown"))
    await repairDrift({ db, reconciliationId: id, actor: "system", trigger: "automatic" }).catch(warn);
}

function warn(err: unknown) {
  console.warn("[reconcile]", err instanceof Error ? err.message : String(err));
}
