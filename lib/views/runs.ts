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

export type RunDetail = {
  run: RunSummary;
  records: RunRecord[];
  matching: number;
  pages: number;
  statusCounts: Partial<Record<SyncRecordStatus, number>>;
};
