// The IdP page's reconciliation section: the last reconciliation and one page of its drift list.
import { DRIFT_KINDS, type DriftKind } from "@/lib/sync/drift-kinds";
import { readRunError } from "@/lib/sync/run";
import {
  DRIFT_PAGE_SIZE,
  type DriftItemView,
  type ReconciliationView,
  type ReconcileSettingsView,
} from "@/lib/views/reconcile";
import type { Db } from "../prisma-client";
import { recoverInterruptedReconciliations } from "./reconcile";
import { loadReconcileSettingsView } from "./settings";

export type DriftSectionData = {
  last: ReconciliationView | null;
  items: DriftItemView[];
  /** Items matching the filter. */
  total: number;
  /** Listed objects Repair now would write (the filter's): drift the console did not change too; unknown never. */
  repairable: number;
  page: number;
  kind: DriftKind | null;
  settings: ReconcileSettingsView;
};

export function readDriftKind(value: string | undefined): DriftKind | null {
  return value && (DRIFT_KINDS as readonly string[]).includes(value) ? (value as DriftKind) : null;
}

export async function loadDriftSection(
  db: Db,
  idpId: string,
  { page = 1, kind = null }: { page?: number; kind?: DriftKind | null } = {},
): Promise<DriftSectionData> {
  // A reconciliation whose process stopped shows as failed, not as reading for ever.
  await recoverInterruptedReconciliations(db, idpId);
  const settings = await loadReconcileSettingsView(db, idpId);
  const row = await db.reconciliation.findFirst({ where: { idpId }, orderBy: { startedAt: "desc" } });
  if (!row) return { last: null, items: [], total: 0, repairable: 0, page: 1, kind, settings };
  const where = { reconciliationId: row.id, ...(kind && { kind }) };
  const total = await db.driftItem.count({ where });
  const repairable =
    kind === "unknown"
      ? 0
      : await db.driftItem.count({
          where: {
            reconciliationId: row.id,
            kind: kind ?? { not: "unknown" },
            directoryChanged: false,
            localId: { not: null },
          },
        });
  const pages = Math.max(1, Math.ceil(total / DRIFT_PAGE_SIZE));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.driftItem.findMany({
    where,
    orderBy: [{ kind: "asc" }, { displayName: "asc" }, { id: "asc" }],
    skip: (at - 1) * DRIFT_PAGE_SIZE,
    take: DRIFT_PAGE_SIZE,
  });
  const counts = { changed: 0, deleted: 0, moved: 0, unknown: 0, ...(JSON.parse(row.counts) as object) };
  return {
    last: {
      id: row.id,
      trigger: row.trigger === "schedule" ? "schedule" : "manual",
      status: row.status as ReconciliationView["status"],
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      counts,
      repairRunId: row.repairRunId,
      error: readRunError(row.error),
    },
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as DriftKind,
      objectType: r.objectType === "organization" ? "organization" : "user",
      remoteId: r.remoteId,
      displayName: r.displayName,
      diff: JSON.parse(r.diff) as DriftItemView["diff"],
      directoryChanged: r.directoryChanged,
      repairRunId: r.repairRunId,
    })),
    total,
    repairable,
    page: at,
    kind,
    settings,
  };
}
