// Small formatting helpers shared by the run list and the run page.
export const ACTIVE_RUN_STATUSES = ["queued", "running"];

export function durationMs(run: { startedAt: string | null; finishedAt: string | null }, now = Date.now()): number | null {
  if (!run.startedAt) return null;
  return (run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

export function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export type RunError = { code: string; errcode?: number | null; kind?: string; title?: string; fix?: string; message?: string; [key: string]: unknown };
export type Reason = { code: string; params?: Record<string, string | number | boolean | null> };
export type Diff = { field: string; before: string | null; after: string | null }[];

/** A run error's catalogue key, and DingTalk's own words when the catalogue has none. */
export function runErrorWords(e: RunError): { key: string; fallback: string } {
  return { key: e.errcode ? `dingtalkErrors.e${e.errcode}` : `runErrors.${e.code}`, fallback: [e.title, e.fix, e.message].filter(Boolean).join(" ") || e.code };
}
