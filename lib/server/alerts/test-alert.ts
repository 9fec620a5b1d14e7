import "server-only";
import type { AlertTestResult } from "@/lib/alerts/kinds";
import { buildAlertMessage } from "@/lib/alerts/message";
import { AppError } from "../app-error";
import type { Db } from "../prisma-client";
import { sendMail, sendToRobot, type MailSendOptions } from "./channels";
import { alertLink } from "./notify";
import { loadAlertChannels } from "./settings";

/** "Send test message": one channel's saved settings, and what DingTalk or the mail server answered. */
export async function sendTestAlert({
  db,
  idpId,
  channel,
  mail,
}: {
  db: Db;
  idpId: string;
  channel: "robot" | "mail";
  /** How the mail server is reached (tests: their own resolver and certificate authority). */
  mail?: MailSendOptions;
}): Promise<AlertTestResult> {
  const channels = await loadAlertChannels(db, idpId);
  if (!channels) {
    if (!(await db.identityProvider.findUnique({ where: { id: idpId }, select: { id: true } })))
      throw new AppError({ code: "errors.idpNotFound" });
    return { channel, ok: false, reason: "not_configured" };
  }
  const message = buildAlertMessage({
    kind: "test",
    count: 1,
    idpName: channels.idpName,
    link: alertLink(idpId, "test"),
    language: channels.language,
  });
  if (channel === "robot") {
    if (!channels.robot) return { channel, ok: false, reason: "not_configured" };
    const outcome = await sendToRobot(channels.robot, message);
    return { channel, ...outcome };
  }
  if (!channels.mail) return { channel, ok: false, reason: "not_configured" };
  return sendMail(channels.mail, message, mail);
}
