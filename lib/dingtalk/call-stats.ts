import type { DingTalkError } from "./errors";

/** "ok", "errcode_<n>" for DingTalk errors, or the error code (timeout, ip_ban, dry_run, ...). */
export type CallOutcome = string;

export type CallStatsSnapshot = {
  /** HTTP requests actually sent. */
  requests: number;
  retries: number;
  tokenRefreshes: number;
  byEndpoint: Record<string, Record<CallOutcome, number>>;
};

export function outcomeOf(err: DingTalkError | null): CallOutcome {
  if (!err) return "ok";
  if (err.code === "api_error") return `errcode_${err.effectiveCode ?? err.errcode}`;
  if (err.code === "v1_error") return `http_${err.httpStatus ?? 0}`;
  if (err.code === "http_error") return `http_${err.httpStatus ?? 0}`;
  return err.code;
}

/** Counts calls by endpoint and outcome. Holds no URLs, tokens or secrets. */
export class CallStats {
  private requests = 0;
  private retries = 0;
  private tokenRefreshes = 0;
  private readonly byEndpoint = new Map<string, Map<CallOutcome, number>>();

  record(endpoint: string, outcome: CallOutcome, sent = true): void {
    if (sent) this.requests += 1;
    const counts = this.byEndpoint.get(endpoint) ?? new Map<CallOutcome, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    this.byEndpoint.set(endpoint, counts);
  }

  recordRetry(): void {
    this.retries += 1;
  }

  recordTokenRefresh(): void {
    this.tokenRefreshes += 1;
  }

  count(endpoint: string, outcome?: CallOutcome): number {
    const counts = this.byEndpoint.get(endpoint);
    if (!counts) return 0;
    if (outcome !== undefined) return counts.get(outcome) ?? 0;
    return [...counts.values()].reduce((a, b) => a + b, 0);
  }

  snapshot(): CallStatsSnapshot {
    const byEndpoint: CallStatsSnapshot["byEndpoint"] = {};
    for (const [endpoint, counts] of this.byEndpoint) byEndpoint[endpoint] = Object.fromEntries(counts);
    return { requests: this.requests, retries: this.retries, tokenRefreshes: this.tokenRefreshes, byEndpoint };
  }

  reset(): void {
    this.requests = 0;
    this.retries = 0;
    this.tokenRefreshes = 0;
    this.byEndpoint.clear();
  }
}
