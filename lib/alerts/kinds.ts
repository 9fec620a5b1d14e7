// What an alert is about, and the settings form's schema (shared by the form and the action).
import { z } from "zod";

export const ALERT_KINDS = ["run_failed", "deletes_held", "conflicts_waiting", "drift_found"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** "bilingual": English and Chinese in one message (the console has no default-language setting). */
export const ALERT_LANGUAGES = ["bilingual", "en", "zh-CN", "ja"] as const;
export type AlertLanguage = (typeof ALERT_LANGUAGES)[number];

/** One message per IdP per kind per window; events inside it are counted and reported when it ends. */
export const ALERT_WINDOW_MS = 10 * 60_000;

const text = (max: number) => z.string().trim().max(max, { message: "validation.tooLong" });
const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

export const ZAlertSettingsSchema = z
  .object({
    id: z.string().min(1).max(64),
    kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length),
    language: z.enum(ALERT_LANGUAGES),
    robotEnabled: z.boolean(),
    /** Empty: keep the stored one (secrets never come back to the browser). */
    robotUrl: text(500),
    robotSecret: text(200),
    mailEnabled: z.boolean(),
    smtpHost: text(200),
    smtpPort: z
      .number()
      .int()
      .min(1, { message: "idpValidation.smtpPort" })
      .max(65535, { message: "idpValidation.smtpPort" }),
    smtpSecure: z.boolean(),
    smtpUser: text(200),
    smtpPassword: text(200),
    mailFrom: text(200),
    mailTo: text(1000),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.robotUrl && !/^https?:\/\/\S+\/robot\/send\?\S*access_token=\S+$/.test(v.robotUrl))
      issue("robotUrl", "idpValidation.robotUrl");
    if (v.mailEnabled) {
      if (!v.smtpHost) issue("smtpHost", "validation.required");
      if (!EMAIL.test(v.mailFrom)) issue("mailFrom", "validation.email");
      if (!v.mailTo || !splitRecipients(v.mailTo).every((r) => EMAIL.test(r)))
        issue("mailTo", "idpValidation.recipients");
    }
  });
export type TAlertSettingsInput = z.input<typeof ZAlertSettingsSchema>;
export type TAlertSettings = z.output<typeof ZAlertSettingsSchema>;

export const ZTestAlertSchema = z.object({ id: z.string().min(1).max(64), channel: z.enum(["robot", "mail"]) });

export function splitRecipients(list: string): string[] {
  return list
    .split(/[,;\s]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

/** The settings as the browser sees them: secrets only as set / not set. */
export type AlertSettingsView = Omit<TAlertSettingsInput, "robotUrl" | "robotSecret" | "smtpPassword"> & {
  hasRobotUrl: boolean;
  hasRobotSecret: boolean;
  hasSmtpPassword: boolean;
};

/** What a test message came to: the server sends codes, the form puts them into words. */
export type AlertTestResult =
  | { channel: "robot"; ok: true }
  | { channel: "robot"; ok: false; reason: string; errcode?: number; errmsg?: string }
  | { channel: "mail"; ok: true; response: string }
  | { channel: "mail"; ok: false; reason: string; response?: string };
