import type { RunKind, RunStatus, RunTrigger } from "@/lib/sync/run";
import type { ObjectType, SyncAction, SyncRecordStatus } from "@/lib/sync/types";
import type { RunDetail, RunRecord, RunSummary } from "@/lib/views/runs";
import type { Db } from "../prisma-client";
import { toMappingRule } from "./rules";
import { departmentLabels } from "./run-departments";

export type { RunDetail, RunRecord, RunSummary } from "@/lib/views/runs";

type RunRow = Omit<RunSummary, "idpName" | "kind" | "trigger" | "status" | "startedAt" | "finishedAt" | "createdAt"> & {
  kind: string;
  trigger: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  idp?: { displayName: string };
};

// The columns are plain text in SQLite; only this server writes them, with these values.
export function toRunSummary(run: RunRow): RunSummary {
  const { idp, ...rest } = run;
  return {
    ...rest,
    kind: run.kind as RunKind,
    trigger: run.trigger as RunTrigger,
    status: run.status as RunStatus,
    idpName: idp?.displayName ?? "",
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
  };
}

const idpName = { idp: { select: { displayName: true } } } as const;

/** The list page: every IdP with its latest run. */
export async function listIdps(db: Db) {
  const idps = await db.identityProvider.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      displayName: true,
      status: true,
      wizardStep: true,
      corpId: true,
      lastFullSyncAt: true,
      syncRuns: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, kind: true, createdAt: true, finishedAt: true },
      },
    },
  });
  return idps.map(({ syncRuns, ...idp }) => ({ ...idp, lastRun: syncRuns[0] ?? null }));
}

/** The IdP without its secret: the sealed AppSecret never leaves the server. */
export async function getIdp(db: Db, id: string) {
  const idp = await db.identityProvider.findUnique({ where: { id }, omit: { appSecretEncrypted: true } });
  if (!idp) return null;
  return { ...idp, sourceOuIds: JSON.parse(idp.sourceOuIds) as string[] };
}
export type IdpView = NonNullable<Awaited<ReturnType<typeof getIdp>>>;

export async function ouNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  const rows = await db.organizationalUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export async function getRules(db: Db, idpId: string) {
  const rows = await db.fieldMappingRule.findMany({
    where: { idpId },
    orderBy: [{ objectType: "desc" }, { position: "asc" }],
  });
  return rows.map(toMappingRule);
}

export const RUNS_PAGE_SIZE = 25;

export async function listRuns(db: Db, { idpId, page = 1 }: { idpId?: string; page?: number }) {
  const where = idpId ? { idpId } : {};
  const [rows, total] = await Promise.all([
    db.syncRun.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * RUNS_PAGE_SIZE,
      take: RUNS_PAGE_SIZE,
      include: idpName,
    }),
    db.syncRun.count({ where }),
  ]);
  return { runs: rows.map(toRunSummary), total, pages: Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE)) };
}

export const RECORDS_PAGE_SIZE = 50;

export type RecordFilter = { status?: string; objectType?: string; page?: number };

/** One run, its records (filtered, paged) and the record counts by status. */
export async function getRunDetail(db: Db, runId: string, filter: RecordFilter = {}): Promise<RunDetail | null> {
  const run = await db.syncRun.findUnique({
    where: { id: runId },
    include: { idp: { select: { displayName: true, targetDeptId: true } } },
  });
  if (!run) return null;
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    runId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
  };
  const [records, matching, byStatus] = await Promise.all([
    db.syncRecord.findMany({
      where,
      orderBy: { createdAt: "asc" },
      skip: (page - 1) * RECORDS_PAGE_SIZE,
      take: RECORDS_PAGE_SIZE,
    }),
    db.syncRecord.count({ where }),
    db.syncRecord.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } }),
  ]);
  const views = records.map((r): RunRecord => ({
    id: r.id,
    objectType: r.objectType as ObjectType,
    localId: r.localId,
    remoteId: r.remoteId,
    displayName: r.displayName,
    action: r.action as SyncAction,
    status: r.status as SyncRecordStatus,
    reason: r.reason,
    errcode: r.errcode,
    errorMessage: r.errorMessage,
    diff: r.diff,
  }));
  return {
    run: toRunSummary(run),
    records: views,
    departments: await departmentLabels(db, { id: run.idpId, targetDeptId: run.idp.targetDeptId }, views),
    matching,
    pages: Math.max(1, Math.ceil(matching / RECORDS_PAGE_SIZE)),
    statusCounts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])),
  };
}
