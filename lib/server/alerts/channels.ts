import "server-only";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type { AlertTestResult } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { DingTalkError } from "@/lib/dingtalk/errors";
import {
  allowLocalFromEnv,
  resolvePublicAddresses,
  systemLookup,
  type GuardLookup,
  type ResolvedAddress,
} from "@/lib/dingtalk/url-guard";
import { sendRobotMessage, type RobotOutcome } from "@/lib/dingtalk/robot";
import { splitRecipients } from "@/lib/alerts/kinds";
import type { MailChannel, RobotChannel } from "./settings";

export async function sendToRobot(robot: RobotChannel, message: AlertMessage): Promise<RobotOutcome> {
  return sendRobotMessage({
    webhookUrl: robot.webhookUrl,
    secret: robot.secret,
    message: { title: message.title, text: message.markdown },
    // The same switch as the DingTalk client: local endpoints (the sandbox) only when allowed.
    allowLocalEndpoints: allowLocalFromEnv(),
  });
}

type MailOutcome = Extract<AlertTestResult, { channel: "mail" }>;

/** SMTP error codes nodemailer reports, as reasons the form puts into words. */
function mailReason(code: unknown): string {
  switch (code) {
    case "EAUTH":
    case "ENOAUTH":
      return "auth";
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return "connection";
    case "ETIMEDOUT":
      return "timeout";
    case "EENVELOPE":
      return "envelope";
    case "ETLS":
      return "tls";
    default:
      return "rejected";
  }
}

export type MailSendOptions = {
  /** Loopback and private mail servers; default: the DingTalk client's switch (DINGTALK_ALLOW_LOCAL_ENDPOINTS). */
  allowLocal?: boolean;
  /** How the host name is resolved (tests). */
  lookup?: GuardLookup;
  /** Extra trusted certificate authorities (tests with their own mail server). */
  ca?: string;
};

/** Where to connect: the host's addresses, refused unless public (like the robot's webhook). */
async function mailAddress(host: string, options: MailSendOptions): Promise<ResolvedAddress> {
  const allowLocal = options.allowLocal ?? allowLocalFromEnv();
  const name = host.replace(/^\[|\]$/g, "");
  if (!allowLocal) {
    if (name === "localhost" || name.endsWith(".localhost"))
      throw new DingTalkError({ code: "unsafe_endpoint", kind: "invalid", detail: `${name} is loopback` });
    return (await resolvePublicAddresses(name, { lookup: options.lookup }))[0];
  }
  const family = isIP(name);
  if (family !== 0) return { address: name, family };
  const all = await (options.lookup ?? systemLookup)(name);
  if (all.length === 0) throw new DingTalkError({ code: "network", kind: "network", detail: `cannot resolve ${name}` });
  return all[0];
}

/**
 * Sends one e-mail; the outcome carries the mail server's own answer (e.g. "250 OK: queued").
 * The host is resolved and checked once and the connection goes to that address (no second DNS
 * answer can point it elsewhere), with the host name kept for TLS (SNI and certificate check).
 * With a user, AUTH only ever goes over TLS: from the start, or after STARTTLS (required).
 */
export async function sendMail(
  mail: MailChannel,
  message: AlertMessage,
  options: MailSendOptions = {},
): Promise<MailOutcome> {
  let target: ResolvedAddress;
  try {
    target = await mailAddress(mail.host, options);
  } catch (err) {
    const unsafe = err instanceof DingTalkError && err.code === "unsafe_endpoint";
    return { channel: "mail", ok: false, reason: unsafe ? "unsafe_host" : "connection" };
  }
  const name = mail.host.replace(/^\[|\]$/g, "");
  const transport = nodemailer.createTransport({
    host: target.address,
    port: mail.port,
    secure: mail.secure,
    requireTLS: Boolean(mail.user) && !mail.secure,
    auth: mail.user ? { user: mail.user, pass: mail.password ?? "" } : undefined,
    tls: {
      ...(isIP(name) === 0 && { servername: name }),
      ...(options.ca && { ca: options.ca }),
    },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  try {
    const info = await transport.sendMail({
      from: mail.from,
      to: splitRecipients(mail.to),
      subject: message.title,
      text: message.text,
    });
    return { channel: "mail", ok: true, response: String(info.response ?? "").slice(0, 300) };
  } catch (err) {
    const e = err as { code?: unknown; response?: unknown };
    const response = typeof e.response === "string" ? e.response.slice(0, 300) : undefined;
    return { channel: "mail", ok: false, reason: mailReason(e.code), ...(response && { response }) };
  } finally {
    transport.close();
  }
}
