// Sync runs as the server hands them to pages (dates as ISO strings, JSON columns as text).
import type { RunKind, RunStatus, RunTrigger } from "@/lib/sync/run";
import type { ObjectType, SyncAction, SyncRecordStatus } from "@/lib/sync/types";

export type RunSummary = {
  id: string;
  idpId: string;
  idpName: string;
  kind: RunKind;
  trigger: RunTrigger;
  status: RunStatus;
  triggeredBy: string | null;
  total: number;
  processed: number;
  created: number;
  updated: number;
  deleted: number;
  skipped: number;
  failed: number;
  /** SyncRun.error: read it with readRunError (lib/sync/run.ts). */
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

export type RunRecord = {
  id: string;
  objectType: ObjectType;
  localId: string | null;
  remoteId: string | null;
  displayName: string;
  action: SyncAction;
  status: SyncRecordStatus;
  /** A Reason as JSON: read it with readReason (lib/sync/reasons.ts). */
  reason: string | null;
  errcode: number | null;
  /** DingTalk's own words, kept for diagnosis; pages show the errcode's words instead. */
  errorMessage: string | null;
  /** FieldDiff[] as JSON: read it with readDiff. */
  diff: string | null;
};

/**
 * A department a record's diff refers to (parent_id, dept_id_list), as pages show it: an OU by
 * its path in the directory (the department bound to it, or about to be created for it), the
 * target node, or a DingTalk department the console does not know by its dept_id.
 */
export type DepartmentLabel =
  { kind: "ou"; path: string[] } | { kind: "target" } | { kind: "dingtalk"; deptId: number } | { kind: "unknown" };

/** Diff fields whose values are department references, comma-separated (refKey in lib/sync/plan-departments.ts). */
export const DEPARTMENT_FIELDS: readonly string[] = ["parent_id", "dept_id_list"];

export type RunDetail = {
  run: RunSummary;
  records: RunRecord[];
  /** Labels for the department references in these records' diffs, by reference. */
  departments: Record<string, DepartmentLabel>;
  matching: number;
  pages: number;
  statusCounts: Partial<Record<SyncRecordStatus, number>>;
};
