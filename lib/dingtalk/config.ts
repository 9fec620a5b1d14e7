import type { CallGate } from "./limiter";
import type { FetchLike } from "./transport";
import { allowLocalFromEnv, parseBaseUrl } from "./url-guard";

export type DingTalkCallEvent = {
  /** Path only, e.g. /topapi/v2/user/create: never the token or secret. */
  endpoint: string;
  outcome: string;
  durationMs: number;
};

/** What a call gate is asked for: one app on one API host, at the client's rate. */
export type CallGateRequest = { baseUrl: string; appKey: string; qps: number };

export type DingTalkClientConfig = {
  corpId: string;
  appKey: string;
  appSecret: string;
  /** Classic API ("topapi"), default https://oapi.dingtalk.com. */
  baseUrl?: string;
  /** v1.0 API, default https://api.dingtalk.com. */
  v1BaseUrl?: string;
  /** QR login page host, default https://login.dingtalk.com. */
  loginBaseUrl?: string;
  /** Refuse every write (with a `dry_run` error) and send nothing. */
  dryRun?: boolean;
  /** Calls per second for this app (default 20; 0 = unlimited). */
  qps?: number;
  /** Calls in flight at most (default 8). */
  concurrency?: number;
  /**
   * Spaces this app's calls instead of the in-process limiter, e.g. a gate shared by every process
   * through a database; asked once per API host, only when qps > 0. The in-flight cap still applies.
   */
  gateFor?: (request: CallGateRequest) => CallGate;
  /** Per-call timeout (default 10,000 ms). */
  timeoutMs?: number;
  /** Retries of retryable errors (default 3). */
  retries?: number;
  /** First backoff delay (default 500 ms); doubles with jitter up to retryMaxDelayMs. */
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Pause after an IP ban; default: what the gateway says (5 minutes). */
  banPauseMs?: number;
  /** Allow http and loopback/private hosts; default DINGTALK_ALLOW_LOCAL_ENDPOINTS === "true". */
  allowLocalEndpoints?: boolean;
  fetch?: FetchLike;
  /** Called after every HTTP call; carries no secrets. */
  onCall?: (event: DingTalkCallEvent) => void;
};

export type ResolvedConfig = {
  corpId: string;
  appKey: string;
  appSecret: string;
  baseUrl: URL;
  v1BaseUrl: URL;
  loginBaseUrl: URL;
  dryRun: boolean;
  qps: number;
  concurrency: number;
  gateFor?: (request: CallGateRequest) => CallGate;
  timeoutMs: number;
  retries: number;
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
  banPauseMs?: number;
  allowLocalEndpoints: boolean;
  fetch: FetchLike;
  onCall?: (event: DingTalkCallEvent) => void;
};

export const DINGTALK_DEFAULTS = {
  baseUrl: "https://oapi.dingtalk.com",
  v1BaseUrl: "https://api.dingtalk.com",
  loginBaseUrl: "https://login.dingtalk.com",
  qps: 20,
  concurrency: 8,
  timeoutMs: 10_000,
  retries: 3,
  retryMinDelayMs: 500,
  retryMaxDelayMs: 8_000,
} as const;

/** Applies defaults and checks the base URLs (https, not local) before any call. */
export function resolveConfig(config: DingTalkClientConfig): ResolvedConfig {
  const allowLocal = config.allowLocalEndpoints ?? allowLocalFromEnv();
  const d = DINGTALK_DEFAULTS;
  return {
    corpId: config.corpId,
    appKey: config.appKey,
    appSecret: config.appSecret,
    baseUrl: parseBaseUrl(config.baseUrl ?? d.baseUrl, allowLocal),
    v1BaseUrl: parseBaseUrl(config.v1BaseUrl ?? d.v1BaseUrl, allowLocal),
    loginBaseUrl: parseBaseUrl(config.loginBaseUrl ?? d.loginBaseUrl, allowLocal),
    dryRun: config.dryRun ?? false,
    qps: config.qps ?? d.qps,
    concurrency: config.concurrency ?? d.concurrency,
    gateFor: config.gateFor,
    timeoutMs: config.timeoutMs ?? d.timeoutMs,
    retries: config.retries ?? d.retries,
    retryMinDelayMs: config.retryMinDelayMs ?? d.retryMinDelayMs,
    retryMaxDelayMs: config.retryMaxDelayMs ?? d.retryMaxDelayMs,
    banPauseMs: config.banPauseMs,
    allowLocalEndpoints: allowLocal,
    fetch: config.fetch ?? ((input, init) => fetch(input, init)),
    onCall: config.onCall,
  };
}

/** Joins a base URL (which may carry a path prefix for a private deployment) and an API path. */
export function joinUrl(base: URL, path: string): URL {
  return new URL(base.href.replace(/\/+$/, "") + path);
}
