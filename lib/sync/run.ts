// A sync run as stored (SyncRun.kind, .status, .trigger, .error): one name per concept, shared by
// the server that writes runs and the pages that show them.
import type { DingTalkErrorDetail } from "@/lib/dingtalk/errors";
import type { SyncErrorCode, SyncErrorParams } from "./errors";
import type { FieldDiff, PlanHold, SyncRecordStatus } from "./types";

/**
 * How a run was started. `retry` is a run over the objects that failed (in one run, or
 * anywhere in the IdP); like `full` it writes, but it never counts as a full sync.
 */
export const RUN_KINDS = ["full", "dry_run", "incremental", "retry"] as const;
export type RunKind = (typeof RUN_KINDS)[number];
/** Kinds that write to DingTalk: at most one such run per IdP at a time. */
export const WRITING_RUN_KINDS: readonly RunKind[] = ["full", "incremental", "retry"];

export const RUN_TRIGGERS = ["manual", "wizard", "automatic", "incremental", "retry"] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const RUN_STATUSES = [
  "queued",
  "running",
  "succeeded",
  "partially_succeeded",
  "failed",
  "cancelled",
  "held",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ["queued", "running"];

export function isActiveRunStatus(status: string): boolean {
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(status);
}

/** What became of each object of a run (SyncRecord.status). */
export const RECORD_STATUSES: readonly SyncRecordStatus[] = ["succeeded", "failed", "skipped", "planned"];

/** A record's field diff (SyncRecord.diff); an unreadable one is shown as no diff. */
export function readDiff(json: string | null): FieldDiff[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FieldDiff[]) : [];
  } catch {
    return [];
  }
}

/** Why a run failed, was held or stopped (SyncRun.error): codes and parameters, never words. */
export type RunError =
  | { code: "interrupted" }
  | ({ code: "held" } & PlanHold)
  | { code: "stopped"; errcode: number | null }
  | { code: "dingtalk"; dingtalk: DingTalkErrorDetail }
  | { code: SyncErrorCode; params: SyncErrorParams }
  | { code: "internal" };
export type RunErrorCode = RunError["code"];

/** The one writer of SyncRun.error. */
export function writeRunError(error: RunError): string {
  return JSON.stringify(error);
}

const SYNC_ERROR_CODES: readonly string[] = [
  "rule_invalid",
  "identifier_invalid",
  "target_not_found",
  "snapshot_failed",
  "scope_filter_invalid",
];

/** The one reader of SyncRun.error; it also reads what earlier versions wrote. */
export function readRunError(json: string | null): RunError | null {
  if (!json) return null;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { code: "internal" };
  }
  const errcode = typeof value.errcode === "number" ? value.errcode : null;
  switch (value.code) {
    case "interrupted":
      return { code: "interrupted" };
    case "held":
      return { code: "held", ...(value as unknown as PlanHold) };
    case "stopped":
      return { code: "stopped", errcode };
    case "dingtalk": {
      // Earlier versions stored { errcode, kind, title, fix }: the words are dropped, the codes kept.
      if (value.dingtalk && typeof value.dingtalk === "object")
        return { code: "dingtalk", dingtalk: value.dingtalk as DingTalkErrorDetail };
      const kind = typeof value.kind === "string" ? (value.kind as DingTalkErrorDetail["kind"]) : "invalid";
      return { code: "dingtalk", dingtalk: { code: errcode === null ? "network" : "api_error", kind, errcode } };
    }
    default:
      if (typeof value.code === "string" && SYNC_ERROR_CODES.includes(value.code)) {
        const params = value.params && typeof value.params === "object" ? value.params : {};
        return { code: value.code as SyncErrorCode, params: params as SyncErrorParams };
      }
      return { code: "internal" };
  }
}
