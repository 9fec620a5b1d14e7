import { errcodeInfo, type DingTalkErrorKind } from "./error-codes";

export { DINGTALK_ERROR_KINDS, type DingTalkErrorKind } from "./error-codes";

/** Where an error came from; `api_error` carries a DingTalk errcode. */
export const DINGTALK_ERROR_CODES = [
  "api_error",
  "v1_error",
  "http_error",
  "throttle_page",
  "ip_ban",
  "timeout",
  "network",
  "bad_response",
  "redirect",
  "dry_run",
  "unsafe_endpoint",
] as const;
export type DingTalkErrorCode = (typeof DINGTALK_ERROR_CODES)[number];

export type DingTalkErrorInit = {
  code: DingTalkErrorCode;
  kind: DingTalkErrorKind;
  retryable?: boolean;
  errcode?: number | null;
  subCode?: number | null;
  /** errmsg / sub_msg / v1 message from DingTalk (never contains secrets). */
  detail?: string;
  endpoint?: string;
  httpStatus?: number;
  requestId?: string;
  /** The permission an API needs, for 60011. */
  permission?: string;
  /** For ip_ban: how long the gateway asked us to stay away. */
  banMs?: number;
  v1Code?: string;
  cause?: unknown;
};

export class DingTalkError extends Error {
  readonly code: DingTalkErrorCode;
  readonly kind: DingTalkErrorKind;
  readonly retryable: boolean;
  readonly errcode: number | null;
  readonly subCode: number | null;
  readonly detail?: string;
  readonly endpoint?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly permission?: string;
  readonly banMs?: number;
  readonly v1Code?: string;

  constructor(init: DingTalkErrorInit) {
    super("", init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "DingTalkError";
    this.code = init.code;
    this.kind = init.kind;
    this.retryable = init.retryable ?? false;
    this.errcode = init.errcode ?? null;
    this.subCode = init.subCode ?? null;
    this.detail = init.detail;
    this.endpoint = init.endpoint;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.permission = init.permission;
    this.banMs = init.banMs;
    this.v1Code = init.v1Code;
    const { title, fix } = describeDingTalkError(this);
    const where = [
      this.errcode !== null ? `errcode ${this.errcode}` : undefined,
      this.subCode !== null ? `sub_code ${this.subCode}` : undefined,
      this.httpStatus !== undefined ? `HTTP ${this.httpStatus}` : undefined,
      this.endpoint,
    ].filter(Boolean);
    this.message = `${title} ${fix}${where.length ? ` (${where.join(", ")})` : ""}`;
  }

  /** The code that decides what happened: sub_code for errcode 88, else errcode. */
  get effectiveCode(): number | null {
    return this.errcode === 88 && this.subCode !== null ? this.subCode : this.errcode;
  }
}

export function isDingTalkError(err: unknown): err is DingTalkError {
  return err instanceof DingTalkError;
}

/**
 * A DingTalk failure as plain data for the UI (lib/messages puts it into words): codes only,
 * never DingTalk's text. `errcode` is the code that decides (sub_code for errcode 88).
 */
export type DingTalkErrorDetail = {
  code: DingTalkErrorCode;
  kind: DingTalkErrorKind;
  errcode: number | null;
  /** For a missing permission (60011, 88): the permission to grant. */
  permission?: string;
  httpStatus?: number;
};

export function dingTalkErrorDetail(err: DingTalkError): DingTalkErrorDetail {
  const detail: DingTalkErrorDetail = { code: err.code, kind: err.kind, errcode: err.effectiveCode };
  if (err.permission) detail.permission = err.permission;
  if (err.httpStatus !== undefined) detail.httpStatus = err.httpStatus;
  return detail;
}

type Description = { title: string; fix: string };

function describeApiError(err: DingTalkError): Description {
  const code = err.effectiveCode ?? 0;
  if (code === 60011 || (err.errcode === 88 && err.subCode === null)) {
    const permission = err.permission ?? "the permission this API needs";
    return {
      title: `The app lacks the DingTalk permission "${permission}".`,
      fix: `Grant "${permission}" to the app in the DingTalk developer console (Permissions), then retry.`,
    };
  }
  const { title, fix } = errcodeInfo(code);
  return { title, fix };
}

function describeV1Error(err: DingTalkError): Description {
  const detail = err.detail ? ` (${err.detail})` : "";
  if (err.kind === "auth")
    return {
      title: `DingTalk rejected the login or credentials${detail}.`,
      fix: "Start the login again; check the AppKey and AppSecret.",
    };
  if (err.kind === "permission")
    return {
      title: `The app may not call this DingTalk API${detail}.`,
      fix: "Grant the personal information permission (Contact.User.Read) to the app.",
    };
  if (err.kind === "throttled")
    return { title: "DingTalk throttled the call.", fix: "The client backs off and retries." };
  return { title: `DingTalk rejected the call${detail}.`, fix: "Check the request parameters." };
}

/** The English words for an error: what happened and what to do. The UI translates later. */
export function describeDingTalkError(err: unknown): Description {
  if (!(err instanceof DingTalkError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { title: message, fix: "" };
  }
  switch (err.code) {
    case "api_error":
      return describeApiError(err);
    case "v1_error":
      return describeV1Error(err);
    case "ip_ban":
      return {
        title: "DingTalk's gateway has banned this server's IP address for a while.",
        fix: "Calls are paused and resumed automatically; keep the call rate under 10,000 calls per 20 s per IP.",
      };
    case "throttle_page":
      return {
        title: "DingTalk answered with a throttling page instead of JSON.",
        fix: "The client backs off and retries; lower the call rate if it keeps happening.",
      };
    case "http_error":
      return {
        title: `DingTalk answered HTTP ${err.httpStatus ?? "error"} without a JSON body.`,
        fix: "Usually temporary: the call is retried. If it persists, check the base URL and DingTalk's status.",
      };
    case "timeout":
      return {
        title: "DingTalk did not answer in time.",
        fix: "The call is retried; check the server's outbound network and proxy if it persists.",
      };
    case "network":
      return {
        title: `DingTalk could not be reached${err.detail ? ` (${err.detail})` : ""}.`,
        fix: "Check the server's outbound network, DNS, proxy and the configured base URL.",
      };
    case "bad_response":
      return {
        title: `DingTalk answered in an unexpected format${err.detail ? ` (${err.detail})` : ""}.`,
        fix: "Check that the base URL points at DingTalk or a private DingTalk deployment.",
      };
    case "redirect":
      return {
        title: "DingTalk answered with a redirect, which the client does not follow.",
        fix: "Configure the final https base URL.",
      };
    case "dry_run":
      return {
        title: "Dry run: this write was not sent to DingTalk.",
        fix: "Run without dry run to apply changes.",
      };
    case "unsafe_endpoint":
      return {
        title: `The DingTalk base URL is not allowed${err.detail ? `: ${err.detail}` : ""}.`,
        fix: "Use an https URL on a public host; for a local sandbox set DINGTALK_ALLOW_LOCAL_ENDPOINTS=true.",
      };
  }
}
