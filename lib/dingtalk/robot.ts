// The DingTalk group robot (custom robot webhook): POST <webhook>&timestamp=<ms>&sign=<sign> with a
// markdown body, answered by {errcode, errmsg}. Signing ("加签"): sign = urlencode(base64(
// HmacSHA256(key = secret, data = timestamp + "\n" + secret))). The webhook URL carries the robot's
// access_token and the secret starts with "SEC": both are credentials and never appear in errors.
import { createHmac } from "node:crypto";
import { z } from "zod";
import { DingTalkError } from "./errors";
import { pinnedAgent } from "./pinned-agent";
import { sendHttp, type FetchLike } from "./transport";
import { assertPublicHost, parseBaseUrl } from "./url-guard";

export const ROBOT_SEND_PATH = "/robot/send";

/** DingTalk's robot answers, by errcode (docs: custom robot error codes). */
export const ROBOT_ERRCODES = {
  ok: 0,
  /** The signature, keyword or IP allow-list check failed. */
  securityCheck: 310000,
  /** More than 20 messages a minute from one robot (then throttled for 10 minutes). */
  tooFast: 130101,
  /** The access_token is unknown (robot removed, or a wrong URL). */
  badToken: 300001,
} as const;

/** What a send came to, as a code the console puts into words. */
export type RobotOutcome =
  | { ok: true }
  | { ok: false; reason: "bad_signature" | "too_fast" | "bad_token"; errcode: number }
  | { ok: false; reason: "rejected"; errcode: number; errmsg: string }
  | { ok: false; reason: "unsafe_url" | "network" | "timeout" | "bad_response" };

export type RobotMessage = { title: string; text: string };

export type RobotSendOptions = {
  webhookUrl: string;
  secret?: string | null;
  message: RobotMessage;
  allowLocalEndpoints?: boolean;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
};

const ZRobotAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional().default("") });

/** The signature DingTalk checks, already URL-encoded as it goes into the query. */
export function robotSign(secret: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
  return encodeURIComponent(digest);
}

/** The webhook URL must be a robot/send URL with an access_token (checked before any secret is stored). */
export function parseRobotUrl(raw: string, allowLocal: boolean): URL {
  const url = parseBaseUrl(raw, allowLocal);
  if (url.pathname !== ROBOT_SEND_PATH || !url.searchParams.get("access_token"))
    throw new DingTalkError({ code: "unsafe_endpoint", kind: "invalid", detail: "not a robot/send URL" });
  return url;
}

function outcomeOf(errcode: number, errmsg: string): RobotOutcome {
  if (errcode === ROBOT_ERRCODES.ok) return { ok: true };
  if (errcode === ROBOT_ERRCODES.securityCheck) return { ok: false, reason: "bad_signature", errcode };
  if (errcode === ROBOT_ERRCODES.tooFast) return { ok: false, reason: "too_fast", errcode };
  if (errcode === ROBOT_ERRCODES.badToken) return { ok: false, reason: "bad_token", errcode };
  return { ok: false, reason: "rejected", errcode, errmsg: errmsg.slice(0, 200) };
}

/** Sends one markdown message; never throws for DingTalk's or the network's answer. */
export async function sendRobotMessage(options: RobotSendOptions): Promise<RobotOutcome> {
  const allowLocal = options.allowLocalEndpoints ?? false;
  let url: URL;
  try {
    url = parseRobotUrl(options.webhookUrl, allowLocal);
    await assertPublicHost(url, allowLocal);
  } catch {
    return { ok: false, reason: "unsafe_url" };
  }
  if (options.secret) {
    // The sign is already encoded: set it raw so URLSearchParams does not encode it twice.
    const timestamp = (options.now ?? Date.now)();
    url.searchParams.delete("sign");
    url.searchParams.set("timestamp", String(timestamp));
    url.search += `&sign=${robotSign(options.secret, timestamp)}`;
  }
  try {
    const answer = await sendHttp({
      method: "POST",
      url,
      endpoint: ROBOT_SEND_PATH,
      body: { msgtype: "markdown", markdown: options.message },
      timeoutMs: options.timeoutMs ?? 10_000,
      fetchImpl: options.fetch ?? fetch,
      dispatcher: allowLocal ? undefined : pinnedAgent(),
    });
    const parsed = ZRobotAnswer.safeParse(answer.body);
    if (!parsed.success) return { ok: false, reason: "bad_response" };
    return outcomeOf(parsed.data.errcode, parsed.data.errmsg);
  } catch (err) {
    if (!(err instanceof DingTalkError)) throw err;
    if (err.code === "unsafe_endpoint") return { ok: false, reason: "unsafe_url" };
    if (err.code === "timeout") return { ok: false, reason: "timeout" };
    if (err.code === "network") return { ok: false, reason: "network" };
    return { ok: false, reason: "bad_response" };
  }
}
