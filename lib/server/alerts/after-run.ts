import "server-only";
import { readReason } from "@/lib/sync/reasons";
import { CONFLICT_REASONS } from "@/lib/sync/review";
import type { Db } from "../prisma-client";
import { raiseAlert } from "./notify";

/**
 * Called once a run has ended (lib/server/sync/runs.ts): a failed run, deletes held for
 * confirmation and conflicts this run left in the queue raise their alerts. Never throws: an alert
 * that cannot be sent must not change what the run did.
 */
export async function alertAfterRun(db: Db, runId: string): Promise<void> {
  try {
    const run = await db.syncRun.findUnique({ where: { id: runId } });
    if (!run || run.kind === "dry_run") return;
    if (run.status === "failed") await raiseAlert({ db, idpId: run.idpId, kind: "run_failed" });
    if (run.status === "held") await raiseAlert({ db, idpId: run.idpId, kind: "deletes_held" });
    const failures = await db.syncFailure.findMany({ where: { runId }, select: { reason: true } });
    const conflicts = failures.filter((f) => CONFLICT_REASONS.includes(readReason(f.reason)?.code ?? "")).length;
    if (conflicts > 0) await raiseAlert({ db, idpId: run.idpId, kind: "conflicts_waiting", count: conflicts });
  } catch (err) {
    console.warn("[alerts] after run:", err instanceof Error ? err.message : String(err));
  }
}
