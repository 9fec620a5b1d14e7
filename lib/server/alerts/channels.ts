import "server-only";
import nodemailer from "nodemailer";
import type { AlertTestResult } from "@/lib/alerts/kinds";
import type { AlertMessage } from "@/lib/alerts/message";
import { allowLocalFromEnv } from "@/lib/dingtalk/url-guard";
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

/** Sends one e-mail; the outcome carries the mail server's own answer (e.g. "250 OK: queued"). */
export async function sendMail(mail: MailChannel, message: AlertMessage): Promise<MailOutcome> {
  const transport = nodemailer.createTransport({
    host: mail.host,
    port: mail.port,
    secure: mail.secure,
    auth: mail.user ? { user: mail.user, pass: mail.password ?? "" } : undefined,
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
