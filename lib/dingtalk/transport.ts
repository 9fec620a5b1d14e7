import type { Dispatcher } from "undici";
import { errorFromNonJson } from "./classify";
import { DingTalkError } from "./errors";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpRequest = {
  method: "GET" | "POST";
  url: URL;
  /** Path only: used in errors and accounting, never carries the token. */
  endpoint: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  fetchImpl: FetchLike;
  /** The connection pool to use (the pinned agent when local endpoints are off); a fake fetch ignores it. */
  dispatcher?: Dispatcher;
};

export type HttpAnswer = { status: number; body: unknown };

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
}

/** A refusal by the pinned agent (or its DNS failure) surfaces as fetch's cause: keep its code. */
function guardRefusal(err: unknown, endpoint: string): DingTalkError | null {
  const cause = err instanceof Error ? err.cause : undefined;
  if (!(cause instanceof DingTalkError)) return null;
  const { code, kind, retryable, detail } = cause;
  return new DingTalkError({ code, kind, retryable, detail, endpoint, cause });
}

function networkDetail(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string") return cause.code;
  return err instanceof Error ? err.message : "fetch failed";
}

/** One HTTP exchange: timeout, no redirects, JSON or a typed error. Never logs or echoes the URL. */
export async function sendHttp(req: HttpRequest): Promise<HttpAnswer> {
  const { endpoint } = req;
  let response: Response;
  let text: string;
  try {
    // `dispatcher` is undici's extension of RequestInit (Node's fetch is undici); the DOM type lacks it.
    const init: RequestInit & { dispatcher?: Dispatcher } = {
      method: req.method,
      redirect: "manual",
      signal: AbortSignal.timeout(req.timeoutMs),
      headers: {
        accept: "application/json",
        ...(req.body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
        ...req.headers,
      },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    };
    if (req.dispatcher) init.dispatcher = req.dispatcher;
    response = await req.fetchImpl(req.url.toString(), init);
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      throw new DingTalkError({ code: "redirect", kind: "invalid", endpoint, httpStatus: response.status });
    }
    text = await response.text();
  } catch (err) {
    if (err instanceof DingTalkError) throw err;
    const refusal = guardRefusal(err, endpoint);
    if (refusal) throw refusal;
    if (isTimeout(err)) {
      throw new DingTalkError({
        code: "timeout",
        kind: "network",
        retryable: true,
        endpoint,
        detail: `${req.timeoutMs} ms`,
      });
    }
    throw new DingTalkError({
      code: "network",
      kind: "network",
      retryable: true,
      endpoint,
      detail: networkDetail(err),
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errorFromNonJson(response.status, text, endpoint);
  }
  if (body === null || typeof body !== "object") throw errorFromNonJson(response.status, text, endpoint);
  return { status: response.status, body };
}
