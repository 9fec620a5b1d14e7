// When a reconciliation is next due: every N hours, or daily at HH:MM in the server's time zone.
import type { ReconcileSchedule } from "@/lib/views/reconcile";

export type ScheduleSettings = { schedule: ReconcileSchedule | string; everyHours: number; at: string };

/** The server's time zone, shown beside the daily time (e.g. "Asia/Shanghai"). */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The first due time strictly after `after`, or null when the schedule is off. Slots missed while the
 * console was down are not counted: the next one is after now, so a restart runs one reconciliation.
 */
export function nextDueAfter(settings: ScheduleSettings, after: Date): Date | null {
  if (settings.schedule === "hours") return new Date(after.getTime() + Math.max(1, settings.everyHours) * 3_600_000);
  if (settings.schedule !== "daily") return null;
  const [hours, minutes] = settings.at.split(":").map(Number);
  const due = new Date(after);
  due.setHours(hours || 0, minutes || 0, 0, 0);
  if (due.getTime() <= after.getTime()) due.setDate(due.getDate() + 1);
  return due;
}
