import { z } from "zod";
import { ENDPOINT_PERMISSIONS, errcodeInfo, type DingTalkErrorKind } from "./error-codes";
import { DingTalkError } from "./errors";

const DEFAULT_BAN_MS = 5 * 60_000;

const ZClassicEnvelope = z.object({
  errcode: z.number(),
  errmsg: z.string().optional(),
  sub_code: z.union([z.number(), z.string()]).optional(),
  sub_msg: z.string().optional(),
  request_id: z.string().optional(),
});

// `{"status":1111,"wait":5,"punish":"deny"}`: the gateway banned this IP for `wait` minutes.
const ZBanBody = z.object({
  status: z.number().optional(),
  wait: z.number().optional(),
  punish: z.string().optional(),
});

const BAN_WORDS = /\b(deny|denied|banned|punish|blocked)\b|访问被拒绝|拒绝访问|阻断/i;

export function banFromJson(body: unknown, endpoint: string, httpStatus: number): DingTalkError | null {
  const parsed = ZBanBody.safeParse(body);
  if (!parsed.success) return null;
  const { status, wait, punish } = parsed.data;
  if (punish === undefined && status !== 1111) return null;
  return new DingTalkError({
    code: "ip_ban",
    kind: "throttled",
    retryable: true,
    endpoint,
    httpStatus,
    banMs: wait !== undefined && wait > 0 ? wait * 60_000 : DEFAULT_BAN_MS,
    detail: punish,
  });
}

/** A body that is not JSON: an HTML ban page, a throttling page or a gateway error. */
export function errorFromNonJson(httpStatus: number, text: string, endpoint: string): DingTalkError {
  if (BAN_WORDS.test(text.slice(0, 20_000))) {
    return new DingTalkError({
      code: "ip_ban",
      kind: "throttled",
      retryable: true,
      endpoint,
      httpStatus,
      banMs: DEFAULT_BAN_MS,
    });
  }
  if (httpStatus >= 500) {
    return new DingTalkError({ code: "http_error", kind: "transient", retryable: true, endpoint, httpStatus });
  }
  return new DingTalkError({ code: "throttle_page", kind: "throttled", retryable: true, endpoint, httpStatus });
}

/** Parses the classic envelope; returns null when errcode is 0. */
export function errorFromClassicBody(body: unknown, endpoint: string, httpStatus: number): DingTalkError | null {
  const env = ZClassicEnvelope.safeParse(body);
  if (!env.success) {
    const ban = banFromJson(body, endpoint, httpStatus);
    if (ban) return ban;
    if (httpStatus >= 500)
      return new DingTalkError({ code: "http_error", kind: "transient", retryable: true, endpoint, httpStatus });
    return new DingTalkError({
      code: "bad_response",
      kind: "invalid",
      endpoint,
      httpStatus,
      detail: "no errcode in the answer",
    });
  }
  const { errcode, errmsg, sub_code, sub_msg, request_id } = env.data;
  if (errcode === 0) return null;
  const subCode = sub_code === undefined || sub_code === "" ? null : Number(sub_code);
  const effective = errcode === 88 && subCode !== null && Number.isFinite(subCode) ? subCode : errcode;
  const info =
    errcode === 88 && subCode === null ? { kind: "permission" as const, retryable: false } : errcodeInfo(effective);
  return new DingTalkError({
    code: "api_error",
    kind: info.kind,
    retryable: info.retryable,
    errcode,
    subCode: subCode !== null && Number.isFinite(subCode) ? subCode : null,
    detail: sub_msg ?? errmsg,
    endpoint,
    httpStatus,
    requestId: request_id,
    permission: ENDPOINT_PERMISSIONS[endpoint],
  });
}

const ZV1Error = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  requestid: z.string().optional(),
});

function kindFromStatus(status: number): { kind: DingTalkErrorKind; retryable: boolean } {
  if (status === 401) return { kind: "auth", retryable: false };
  if (status === 403) return { kind: "permission", retryable: false };
  if (status === 404) return { kind: "not_found", retryable: false };
  if (status === 409) return { kind: "conflict", retryable: false };
  if (status === 429) return { kind: "throttled", retryable: true };
  if (status >= 500) return { kind: "transient", retryable: true };
  return { kind: "invalid", retryable: false };
}

/** v1.0 APIs answer errors with an HTTP status and `{code, message, requestid}`. */
export function errorFromV1(body: unknown, endpoint: string, httpStatus: number): DingTalkError {
  const ban = banFromJson(body, endpoint, httpStatus);
  if (ban) return ban;
  const parsed = ZV1Error.safeParse(body);
  const v1Code = parsed.success ? parsed.data.code : undefined;
  let { kind, retryable } = kindFromStatus(httpStatus);
  if (v1Code && /token|authentication|authcode|code/i.test(v1Code) && kind === "invalid") kind = "auth";
  if (v1Code && /throttl|limit/i.test(v1Code)) ({ kind, retryable } = { kind: "throttled", retryable: true });
  return new DingTalkError({
    code: "v1_error",
    kind,
    retryable,
    endpoint,
    httpStatus,
    v1Code,
    detail: parsed.success ? parsed.data.message : undefined,
    requestId: parsed.success ? parsed.data.requestid : undefined,
  });
}
