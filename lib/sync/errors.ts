import type { Reason } from "./types";

export type SyncErrorCode = "rule_invalid" | "identifier_invalid" | "target_not_found" | "snapshot_failed";

/** A problem that stops a sync before any write (bad rules, unreachable target node). */
export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly params: Reason["params"];

  constructor(code: SyncErrorCode, params: Reason["params"] = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = "SyncError";
    this.code = code;
    this.params = params;
  }
}
