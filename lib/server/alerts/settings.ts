import "server-only";
import {
  ALERT_KINDS,
  ALERT_LANGUAGES,
  type AlertKind,
  type AlertLanguage,
  type AlertSettingsView,
  type TAlertSettings,
} from "@/lib/alerts/kinds";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { openSecret, sealSecret } from "../secrets";

// Each secret is sealed with "<idpId>:<field>" as its AAD: a ciphertext cannot move to another IdP
// or another field.
const aad = (idpId: string, field: "robotUrl" | "robotSecret" | "smtpPassword") => `${idpId}:${field}`;

export type RobotChannel = { webhookUrl: string; secret: string | null };
export type MailChannel = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  to: string;
};
/** The decrypted channels of one IdP: server only, never sent to the browser. */
export type AlertChannels = {
  idpId: string;
  idpName: string;
  kinds: AlertKind[];
  language: AlertLanguage;
  robot: RobotChannel | null;
  mail: MailChannel | null;
};

function readKinds(json: string): AlertKind[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? ALERT_KINDS.filter((k) => value.includes(k)) : [];
  } catch {
    return [];
  }
}

const readLanguage = (value: string): AlertLanguage =>
  (ALERT_LANGUAGES as readonly string[]).includes(value) ? (value as AlertLanguage) : "bilingual";

export async function loadAlertSettingsView(db: Db, idpId: string): Promise<AlertSettingsView> {
  const row = await db.alertSettings.findUnique({ where: { idpId } });
  return {
    id: idpId,
    kinds: row ? readKinds(row.kinds) : [...ALERT_KINDS],
    language: readLanguage(row?.language ?? "bilingual"),
    robotEnabled: Boolean(row?.robotUrlEncrypted),
    hasRobotUrl: Boolean(row?.robotUrlEncrypted),
    hasRobotSecret: Boolean(row?.robotSecretEncrypted),
    mailEnabled: Boolean(row?.smtpHost),
    smtpHost: row?.smtpHost ?? "",
    smtpPort: row?.smtpPort ?? 587,
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? "",
    hasSmtpPassword: Boolean(row?.smtpPasswordEncrypted),
    mailFrom: row?.mailFrom ?? "",
    mailTo: row?.mailTo ?? "",
  };
}

type SaveOptions = { db: Db; actor: AuditActor; input: TAlertSettings };

/** Saves the settings; an empty secret keeps the stored one, a channel turned off forgets its secrets. */
export async function saveAlertSettings({ db, actor, input }: SaveOptions): Promise<void> {
  const { id } = input;
  if (!(await db.identityProvider.findUnique({ where: { id }, select: { id: true } })))
    throw new AppError({ code: "errors.idpNotFound" });
  const current = await db.alertSettings.findUnique({ where: { idpId: id } });
  const keep = (value: string, field: Parameters<typeof aad>[1], stored: string | null | undefined) =>
    value ? sealSecret(value, aad(id, field)) : (stored ?? null);
  const robotUrl = input.robotEnabled ? keep(input.robotUrl, "robotUrl", current?.robotUrlEncrypted) : null;
  // A secret belongs to where it is sent: a new webhook URL, or another mail server, port or user,
  // forgets the stored secret (typed again, it is not handed to an address someone else chose).
  const storedUrl = current?.robotUrlEncrypted ? openSecret(current.robotUrlEncrypted, aad(id, "robotUrl")) : null;
  const robotMoved = Boolean(input.robotUrl) && input.robotUrl !== storedUrl;
  const mailMoved =
    !current?.smtpHost ||
    current.smtpHost !== input.smtpHost ||
    (current.smtpPort ?? 587) !== input.smtpPort ||
    (current.smtpUser ?? "") !== input.smtpUser;
  if (input.robotEnabled && !robotUrl)
    throw new AppError({ code: "errors.invalid_input" }, { robotUrl: [{ code: "validation.required" }] });
  const data = {
    kinds: JSON.stringify(input.kinds),
    language: input.language,
    robotUrlEncrypted: robotUrl,
    robotSecretEncrypted: input.robotEnabled
      ? keep(input.robotSecret, "robotSecret", robotMoved ? null : current?.robotSecretEncrypted)
      : null,
    smtpHost: input.mailEnabled ? input.smtpHost : null,
    smtpPort: input.mailEnabled ? input.smtpPort : null,
    smtpSecure: input.mailEnabled && input.smtpSecure,
    smtpUser: input.mailEnabled ? input.smtpUser || null : null,
    smtpPasswordEncrypted: input.mailEnabled
      ? keep(input.smtpPassword, "smtpPassword", mailMoved ? null : current?.smtpPasswordEncrypted)
      : null,
    mailFrom: input.mailEnabled ? input.mailFrom : null,
    mailTo: input.mailEnabled ? input.mailTo : null,
  };
  await db.$transaction(async (tx) => {
    await tx.alertSettings.upsert({ where: { idpId: id }, create: { idpId: id, ...data }, update: data });
    // Which secrets were replaced, never their values.
    const replaced = (["robotUrl", "robotSecret", "smtpPassword"] as const).filter((f) => input[f] !== "");
    await writeAudit(tx, {
      actor,
      action: "idp.alerts.update",
      targetType: "idp",
      targetId: id,
      details: {
        kinds: input.kinds,
        language: input.language,
        robot: input.robotEnabled,
        mail: input.mailEnabled,
        replaced,
        // Stored secrets forgotten because where they go changed (names only).
        cleared: [
          ...(input.robotEnabled && robotMoved && !input.robotSecret && current?.robotSecretEncrypted
            ? ["robotSecret"]
            : []),
          ...(input.mailEnabled && mailMoved && !input.smtpPassword && current?.smtpPasswordEncrypted
            ? ["smtpPassword"]
            : []),
        ],
      },
    });
  });
}

export async function loadAlertChannels(db: Db, idpId: string): Promise<AlertChannels | null> {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId }, include: { alertSettings: true } });
  const row = idp?.alertSettings;
  if (!idp || !row) return null;
  const open = (envelope: string | null, field: Parameters<typeof aad>[1]) =>
    envelope ? openSecret(envelope, aad(idpId, field)) : null;
  const webhookUrl = open(row.robotUrlEncrypted, "robotUrl");
  return {
    idpId,
    idpName: idp.displayName,
    kinds: readKinds(row.kinds),
    language: readLanguage(row.language),
    robot: webhookUrl ? { webhookUrl, secret: open(row.robotSecretEncrypted, "robotSecret") } : null,
    mail:
      row.smtpHost && row.mailFrom && row.mailTo
        ? {
            host: row.smtpHost,
            port: row.smtpPort ?? 587,
            secure: row.smtpSecure,
            user: row.smtpUser,
            password: open(row.smtpPasswordEncrypted, "smtpPassword"),
            from: row.mailFrom,
            to: row.mailTo,
          }
        : null,
  };
}
