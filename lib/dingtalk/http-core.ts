import pRetry from "p-retry";
import type { z } from "zod";
import { CallStats, outcomeOf } from "./call-stats";
import { errorFromClassicBody, errorFromV1 } from "./classify";
import { joinUrl, type ResolvedConfig } from "./config";
import { DingTalkError } from "./errors";
import { cappedGate, limiterFor, pauseHost, waitWhilePaused, type CallGate } from "./limiter";
import { pinnedAgent } from "./pinned-agent";
import { tokenCacheFor, type FetchedToken, type TokenCache } from "./token-cache";
import { sendHttp } from "./transport";
import { assertPublicHost } from "./url-guard";
import { ZTokenSchema } from "./wire-auth";

export type CallSpec<T> = {
  api: "classic" | "v1";
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  schema: z.ZodType<T>;
  isWrite?: boolean;
  /** "app": the app's access token; "none"; or a user access token (v1 header). */
  auth: "app" | "none" | { userToken: string };
};

const TOKEN_ERRCODES = new Set([40014, 42001]);

function isTokenError(err: unknown): boolean {
  return err instanceof DingTalkError && err.code === "api_error" && TOKEN_ERRCODES.has(err.errcode ?? 0);
}

/** The request pipeline: dry-run guard, SSRF check, token, limiter, retries, accounting. */
export class DingTalkHttp {
  readonly stats = new CallStats();
  private readonly tokens: TokenCache;
  private readonly injectedGates = new Map<string, CallGate>();

  constructor(private readonly cfg: ResolvedConfig) {
    this.tokens = tokenCacheFor(cfg.baseUrl.href, cfg.appKey, cfg.appSecret);
  }

  async call<T>(spec: CallSpec<T>): Promise<T> {
    if (spec.isWrite && this.cfg.dryRun) {
      this.stats.record(spec.path, "dry_run", false);
      throw new DingTalkError({ code: "dry_run", kind: "invalid", endpoint: spec.path });
    }
    const base = spec.api === "classic" ? this.cfg.baseUrl : this.cfg.v1BaseUrl;
    await assertPublicHost(base, this.cfg.allowLocalEndpoints);
    let refreshed = false;
    return pRetry(
      async () => {
        const token = spec.auth === "app" ? await this.accessToken() : undefined;
        try {
          return await this.once(spec, base, token);
        } catch (err) {
          if (!token || refreshed || !isTokenError(err)) throw err;
          refreshed = true; // refresh once, retry once
          this.tokens.invalidate(token);
          return await this.once(spec, base, await this.accessToken());
        }
      },
      {
        retries: this.cfg.retries,
        factor: 2,
        minTimeout: this.cfg.retryMinDelayMs,
        maxTimeout: this.cfg.retryMaxDelayMs,
        randomize: true,
        shouldRetry: ({ error }) => {
          const retry = error instanceof DingTalkError && error.retryable;
          if (retry) this.stats.recordRetry();
          return retry;
        },
      },
    );
  }

  /** The app's token; the base URL is checked first, as for every call. */
  async accessToken(): Promise<string> {
    await assertPublicHost(this.cfg.baseUrl, this.cfg.allowLocalEndpoints);
    return this.tokens.get(() => this.fetchToken());
  }

  private async fetchToken(): Promise<FetchedToken> {
    const token = await this.once(
      {
        api: "classic",
        method: "GET",
        path: "/gettoken",
        query: { appkey: this.cfg.appKey, appsecret: this.cfg.appSecret },
        schema: ZTokenSchema,
        auth: "none",
      },
      this.cfg.baseUrl,
    );
    this.stats.recordTokenRefresh();
    return token;
  }

  private async once<T>(spec: CallSpec<T>, base: URL, token?: string): Promise<T> {
    const url = joinUrl(base, spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (token && spec.api === "classic") url.searchParams.set("access_token", token);
    if (token && spec.api === "v1") headers["x-acs-dingtalk-access-token"] = token;
    if (typeof spec.auth === "object") headers["x-acs-dingtalk-access-token"] = spec.auth.userToken;

    await waitWhilePaused(base.origin);
    const started = Date.now();
    let error: DingTalkError | null = null;
    try {
      const answer = await this.gate(base).schedule(() =>
        sendHttp({
          method: spec.method,
          url,
          endpoint: spec.path,
          body: spec.body,
          headers,
          timeoutMs: this.cfg.timeoutMs,
          fetchImpl: this.cfg.fetch,
          // Local endpoints off: connect only to the addresses the guard checked at connect time.
          dispatcher: this.cfg.allowLocalEndpoints ? undefined : pinnedAgent(),
        }),
      );
      error =
        spec.api === "classic"
          ? errorFromClassicBody(answer.body, spec.path, answer.status)
          : answer.status >= 400
            ? errorFromV1(answer.body, spec.path, answer.status)
            : null;
      if (!error) {
        const parsed = spec.schema.safeParse(answer.body);
        if (parsed.success) return parsed.data;
        error = new DingTalkError({
          code: "bad_response",
          kind: "invalid",
          endpoint: spec.path,
          httpStatus: answer.status,
          detail: parsed.error.issues[0]?.message,
        });
      }
    } catch (err) {
      if (!(err instanceof DingTalkError)) throw err;
      error = err;
    } finally {
      this.report(spec.path, error, started);
    }
    if (!error) throw new DingTalkError({ code: "bad_response", kind: "invalid", endpoint: spec.path });
    if (error.code === "ip_ban") pauseHost(base.origin, this.cfg.banPauseMs ?? error.banMs ?? 300_000);
    throw error;
  }

  /** The injected gate (with the in-flight cap) when there is one and a rate to keep, else the in-process limiter. */
  private gate(base: URL): CallGate {
    const { appKey, qps, concurrency, gateFor } = this.cfg;
    if (!gateFor || !(qps > 0)) return limiterFor(appKey, base.href, qps, concurrency);
    let gate = this.injectedGates.get(base.href);
    if (!gate) {
      gate = cappedGate(appKey, base.href, concurrency, gateFor({ baseUrl: base.href, appKey, qps }));
      this.injectedGates.set(base.href, gate);
    }
    return gate;
  }

  private report(endpoint: string, error: DingTalkError | null, started: number): void {
    const outcome = outcomeOf(error);
    this.stats.record(endpoint, outcome);
    this.cfg.onCall?.({ endpoint, outcome, durationMs: Date.now() - started });
  }
}
