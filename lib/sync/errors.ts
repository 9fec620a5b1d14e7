export type SyncErrorCode =
  "rule_invalid" | "identifier_invalid" | "target_not_found" | "snapshot_failed" | "scope_filter_invalid";

export type SyncErrorParams = Record<string, string | number | boolean | null | undefined>;

/** A problem that stops a sync before any write (bad rules, unreachable target node). */
export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly params: SyncErrorParams;

  constructor(code: SyncErrorCode, params: SyncErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = "SyncError";
    this.code = code;
    this.params = params;
  }
}
