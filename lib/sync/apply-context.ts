import type { ApplyClient, SyncStore } from "./store";
import type { DeptRef, FieldDiff, Reason, SyncAction, SyncRecordStatus } from "./types";

export type ApplyContext = {
  client: ApplyClient;
  store: SyncStore;
  isDryRun: boolean;
  /** Departments created in this run, by OU id. */
  createdDepts: Map<string, number>;
};

/** What one op did; the loop turns it into a sync record. */
export type Outcome = {
  action: SyncAction;
  status: SyncRecordStatus;
  remoteId?: string | null;
  reason?: Reason;
  errcode?: number | null;
  errorMessage?: string | null;
  diff?: FieldDiff[];
};

/** A department this run refers to by OU id whose create did not happen (failed, or dry run). */
export class UnresolvedDepartment extends Error {
  constructor(readonly ouId: string) {
    super(`department of OU ${ouId} was not created`);
    this.name = "UnresolvedDepartment";
  }
}

export function resolveDept(ctx: ApplyContext, ref: DeptRef): number {
  if ("deptId" in ref) return ref.deptId;
  const id = ctx.createdDepts.get(ref.ouId);
  if (id === undefined) throw new UnresolvedDepartment(ref.ouId);
  return id;
}
