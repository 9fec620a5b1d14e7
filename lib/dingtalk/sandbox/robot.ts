// The group robot (custom robot webhook) as DingTalk answers it: POST /robot/send?access_token=
// &timestamp=&sign=, 300001 for an unknown token, 310000 when the signature fails (or the timestamp
// is more than an hour off), 130101 past 20 messages a minute per robot (then 10 minutes of
// throttling). Robots are made through POST /_sandbox/robots and kept in memory: a restart forgets
// them, like a group that removed its robot. Received messages are listed on the admin page.
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { robotSign, ROBOT_ERRCODES, ROBOT_SEND_PATH } from "../robot";
import type { AdminLang } from "./admin-words";
import type { SandboxContext } from "./context";
import { escapeHtml as e, parseBody, readBody, sendJson } from "./http-util";
import { randomToken } from "./ids";

export { ROBOT_SEND_PATH };

const PER_MINUTE = 20;
const THROTTLE_MS = 10 * 60_000;
const CLOCK_SKEW_MS = 60 * 60_000;
const KEEP_MESSAGES = 50;

export type RobotMessageRecord = { at: number; msgtype: string; title: string; text: string };
export type SandboxRobot = {
  name: string;
  accessToken: string;
  secret: string | null;
  messages: RobotMessageRecord[];
  sentAt: number[];
  throttledUntil: number;
};

const robots = new WeakMap<SandboxContext, Map<string, SandboxRobot>>();

function registry(ctx: SandboxContext): Map<string, SandboxRobot> {
  let map = robots.get(ctx);
  if (!map) {
    map = new Map();
    robots.set(ctx, map);
  }
  return map;
}

export const ZRobotInput = z.object({
  name: z.string().min(1).max(64).optional(),
  /** false: a robot without signing (keyword or IP checks are not simulated). */
  signed: z.boolean().optional(),
});

export function createRobot(ctx: SandboxContext, raw: Record<string, unknown>) {
  const input = ZRobotInput.safeParse(raw);
  if (!input.success) return { status: 400, body: { error: "name must be 1 to 64 characters" } };
  const robot: SandboxRobot = {
    name: input.data.name ?? "Robot",
    accessToken: randomToken(32),
    secret: input.data.signed === false ? null : `SEC${randomToken(32)}`,
    messages: [],
    sentAt: [],
    throttledUntil: 0,
  };
  registry(ctx).set(robot.accessToken, robot);
  const path = `${ROBOT_SEND_PATH}?access_token=${robot.accessToken}`;
  return { status: 200, body: { name: robot.name, accessToken: robot.accessToken, secret: robot.secret, path } };
}

export function listRobots(ctx: SandboxContext) {
  const list = [...registry(ctx).values()].map(({ name, accessToken, messages }) => ({ name, accessToken, messages }));
  return { status: 200, body: { robots: list } };
}

function answer(res: ServerResponse, errcode: number, errmsg: string): void {
  sendJson(res, 200, { errcode, errmsg });
}

function signatureHolds(robot: SandboxRobot, url: URL, now: number): boolean {
  if (!robot.secret) return true;
  const timestamp = Number(url.searchParams.get("timestamp"));
  const sign = url.searchParams.get("sign") ?? "";
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > CLOCK_SKEW_MS) return false;
  // The query parser decoded the sign once; compare with the decoded form of ours.
  const expected = Buffer.from(decodeURIComponent(robotSign(robot.secret, timestamp)));
  const given = Buffer.from(sign);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** 130101 past 20 accepted messages in a minute; the robot then stays throttled for 10 minutes. */
function takeRate(robot: SandboxRobot, now: number): boolean {
  if (robot.throttledUntil > now) return false;
  robot.sentAt = robot.sentAt.filter((t) => now - t < 60_000);
  if (robot.sentAt.length >= PER_MINUTE) {
    robot.throttledUntil = now + THROTTLE_MS;
    return false;
  }
  robot.sentAt.push(now);
  return true;
}

const ZMessage = z.discriminatedUnion("msgtype", [
  z.object({ msgtype: z.literal("markdown"), markdown: z.object({ title: z.string(), text: z.string() }) }),
  z.object({ msgtype: z.literal("text"), text: z.object({ content: z.string() }) }),
]);

export async function handleRobot(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const text = await readBody(req);
  if (req.method !== "POST") return answer(res, 43002, "POST is required");
  const robot = registry(ctx).get(url.searchParams.get("access_token") ?? "");
  if (!robot) return answer(res, ROBOT_ERRCODES.badToken, "token is not exist");
  const now = Date.now();
  if (!signatureHolds(robot, url, now)) return answer(res, ROBOT_ERRCODES.securityCheck, "sign not match");
  const body = ZMessage.safeParse(parseBody(text, req.headers["content-type"]));
  if (!body.success) return answer(res, 40035, "missing parameter json");
  if (!takeRate(robot, now)) return answer(res, ROBOT_ERRCODES.tooFast, "send too fast, exceed 20 times per minute");
  const message =
    body.data.msgtype === "markdown"
      ? { at: now, msgtype: "markdown", ...body.data.markdown }
      : { at: now, msgtype: "text", title: "", text: body.data.text.content };
  robot.messages = [message, ...robot.messages].slice(0, KEEP_MESSAGES);
  return answer(res, 0, "ok");
}

const WORDS: Record<
  AdminLang,
  { heading: string; intro: string; none: string; empty: string; at: string; title: string; text: string }
> = {
  en: {
    heading: "Group robots",
    intro:
      "Messages the console sent to this sandbox's group robots (newest first). Create a robot with POST /_sandbox/robots.",
    none: "No robots yet.",
    empty: "No messages received.",
    at: "Received",
    title: "Title",
    text: "Text",
  },
  "zh-CN": {
    heading: "群机器人",
    intro: "控制台发到此沙箱群机器人的消息（最新的在前）。用 POST /_sandbox/robots 创建机器人。",
    none: "还没有机器人。",
    empty: "没有收到消息。",
    at: "收到时间",
    title: "标题",
    text: "内容",
  },
  ja: {
    heading: "グループロボット",
    intro:
      "コンソールがこのサンドボックスのグループロボットに送ったメッセージ（新しい順）。ロボットは POST /_sandbox/robots で作成します。",
    none: "ロボットはまだありません。",
    empty: "受信したメッセージはありません。",
    at: "受信日時",
    title: "タイトル",
    text: "本文",
  },
};

/** The admin page's section: each robot and the messages it received. */
export function robotsSection(ctx: SandboxContext, lang: AdminLang): string {
  const w = WORDS[lang];
  const list = [...registry(ctx).values()]
    .map((robot, i) => {
      const rows = robot.messages
        .map(
          (m) =>
            `<tr><td>${e(new Date(m.at).toISOString())}</td><td>${e(m.title)}</td><td><pre>${e(m.text)}</pre></td></tr>`,
        )
        .join("");
      const head = [w.at, w.title, w.text].map((h) => `<th scope="col">${e(h)}</th>`).join("");
      const table = rows
        ? `<table data-testid="robot-messages"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
        : `<p class="muted">${e(w.empty)}</p>`;
      return `<h3 id="robot-${i}">${e(robot.name)}</h3>${table}`;
    })
    .join("");
  return (
    `<section aria-labelledby="robots-heading"><h2 id="robots-heading">${e(w.heading)}</h2><p>${e(w.intro)}</p>` +
    `${list || `<p class="muted">${e(w.none)}</p>`}</section>`
  );
}
