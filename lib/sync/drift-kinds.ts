// The kinds of drift a reconciliation reports (lib/sync/drift.ts); no imports, so the browser may read it.
export const DRIFT_KINDS = ["changed", "deleted", "moved", "unknown"] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
