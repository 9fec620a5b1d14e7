// Scheduled reconciliation and drift: shapes shared by the Modify form, the IdP page and the server.
import { z } from "zod";
import { DRIFT_KINDS, type DriftKind } from "@/lib/sync/drift-kinds";
import type { RunError } from "@/lib/sync/run";

export { DRIFT_KINDS, type DriftKind };

export const RECONCILE_SCHEDULES = ["off", "hours", "daily"] as const;
export type ReconcileSchedule = (typeof RECONCILE_SCHEDULES)[number];
export const DRIFT_POLICIES = ["report", "repair"] as const;
export type DriftPolicy = (typeof DRIFT_POLICIES)[number];

/** The Modify > Reconciliation form and its action. */
export const ZReconcileSettingsSchema = z.object({
  id: z.string().min(1).max(64),
  schedule: z.enum(RECONCILE_SCHEDULES),
  everyHours: z.coerce.number().int().min(1).max(168),
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  driftPolicy: z.enum(DRIFT_POLICIES),
});
export type TReconcileSettingsSchema = z.infer<typeof ZReconcileSettingsSchema>;

export type DriftDiffView = { field: string; before: string | null; after: string | null };

export type DriftItemView = {
  id: string;
  kind: DriftKind;
  objectType: "user" | "organization";
  remoteId: string;
  displayName: string;
  diff: DriftDiffView[];
  directoryChanged: boolean;
  repairRunId: string | null;
};

export type ReconciliationView = {
  id: string;
  trigger: "schedule" | "manual";
  status: "running" | "succeeded" | "failed";
  startedAt: string;
  finishedAt: string | null;
  counts: Record<DriftKind, number>;
  repairRunId: string | null;
  /** Why the read failed (lib/sync/run.ts), shown with runErrorMessage. */
  error: RunError | null;
};

/** Modify > Reconciliation: the stored settings, the server's time zone and when the next one is due. */
export type ReconcileSettingsView = TReconcileSettingsSchema & { timeZone: string; nextAt: string | null };

export const ZReconcileNowSchema = z.object({ id: z.string().min(1).max(64) });
export const ZRepairDriftSchema = z.object({
  reconciliationId: z.string().min(1).max(64),
  kind: z.enum(DRIFT_KINDS).optional(),
});

export const DRIFT_PAGE_SIZE = 20;
