import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertMessage } from "@/lib/alerts/message";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { alertAfterRun } from "./after-run";
import { sendMail, type MailSendOptions } from "./channels";
import { flushAlerts, flushDueAlerts, nextAlertFlush, raiseAlert, type Deliver } from "./notify";
import { loadAlertChannels, loadAlertSettingsView, saveAlertSettings } from "./settings";
import { sendTestAlert } from "./test-alert";

let db: Db;
let cleanup: () => Promise<void>;
let sandbox: TestSandbox;
let counter = 0;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  sandbox = await TestSandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  await cleanup();
});

const BASE = {
  kinds: ["run_failed", "deletes_held", "conflicts_waiting", "drift_found"] as const,
  language: "en" as const,
  robotEnabled: false,
  robotUrl: "",
  robotSecret: "",
  mailEnabled: false,
  smtpHost: "",
  smtpPort: 587,
  smtpSecure: false,
  smtpUser: "",
  smtpPassword: "",
  mailFrom: "",
  mailTo: "",
};

async function idp(name = "Acme DingTalk"): Promise<string> {
  counter += 1;
  const row = await db.identityProvider.create({
    data: { displayName: name, corpId: `dingalerts${counter}`, appKey: "k", appSecretEncrypted: "unused" },
  });
  return row.id;
}

async function robot() {
  return sandbox.admin<{ accessToken: string; secret: string; path: string }>("POST", "/_sandbox/robots", {});
}

describe("alert settings", () => {
  it("keeps secrets encrypted at rest and never in the view", async () => {
    const id = await idp();
    const r = await robot();
    const url = `${sandbox.url}${r.path}`;
    await saveAlertSettings({
      actor: "system",
      db,
      input: {
        ...BASE,
        kinds: [...BASE.kinds],
        id,
        robotEnabled: true,
        robotUrl: url,
        robotSecret: r.secret,
        mailEnabled: true,
        smtpHost: "127.0.0.1",
        smtpPassword: "mail-pass-123",
        mailFrom: "console@example.com",
        mailTo: "ops@example.com",
      },
    });
    const row = await db.alertSettings.findUniqueOrThrow({ where: { idpId: id } });
    const stored = JSON.stringify(row);
    for (const secret of [r.accessToken, r.secret, "mail-pass-123"]) expect(stored).not.toContain(secret);
    expect(row.robotUrlEncrypted).toMatch(/^v1:/);
    const view = await loadAlertSettingsView(db, id);
    expect(JSON.stringify(view)).not.toContain(r.secret);
    expect(JSON.stringify(view)).not.toContain("mail-pass-123");
    expect(view).toMatchObject({ hasRobotUrl: true, hasRobotSecret: true, hasSmtpPassword: true });
    const channels = await loadAlertChannels(db, id);
    expect(channels?.robot).toEqual({ webhookUrl: url, secret: r.secret });
    expect(channels?.mail?.password).toBe("mail-pass-123");
    // Audited with which secrets were replaced, never their values.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idp.alerts.update", targetId: id } });
    for (const secret of [r.accessToken, r.secret, "mail-pass-123"]) expect(audit.details).not.toContain(secret);
    expect(JSON.parse(audit.details)).toMatchObject({
      robot: true,
      mail: true,
      replaced: ["robotUrl", "robotSecret", "smtpPassword"],
    });

    // An empty secret keeps the stored one; a ciphertext moved to another field does not open.
    await saveAlertSettings({
      actor: "system",
      db,
      input: { ...BASE, kinds: [], id, robotEnabled: true, mailEnabled: false },
    });
    expect((await loadAlertChannels(db, id))?.robot?.secret).toBe(r.secret);
    expect((await loadAlertChannels(db, id))?.mail).toBeNull();
    await db.alertSettings.update({ where: { idpId: id }, data: { robotSecretEncrypted: row.robotUrlEncrypted } });
    await expect(loadAlertChannels(db, id)).rejects.toThrow(/tampered/);
  });
});

describe("stored secrets follow where they are sent", () => {
  it("forgets the SMTP password when host, port or user changes, and the robot secret with a new webhook URL", async () => {
    const id = await idp();
    const r = await robot();
    const mail = {
      ...BASE,
      kinds: [...BASE.kinds],
      id,
      mailEnabled: true,
      smtpHost: "smtp.example.com",
      smtpUser: "alerts",
      mailFrom: "console@example.com",
      mailTo: "ops@example.com",
    };
    const password = async () => (await loadAlertChannels(db, id))?.mail?.password ?? null;
    await saveAlertSettings({ db, actor: "system", input: { ...mail, smtpPassword: "mail-pass-1" } });
    // Same host, port and user, password left empty: kept.
    await saveAlertSettings({ db, actor: "system", input: { ...mail, mailTo: "dba@example.com" } });
    expect(await password()).toBe("mail-pass-1");
    for (const change of [{ smtpHost: "smtp.elsewhere.example" }, { smtpPort: 2525 }, { smtpUser: "someone" }]) {
      await saveAlertSettings({ db, actor: "system", input: { ...mail, smtpPassword: "mail-pass-1" } });
      await saveAlertSettings({ db, actor: "system", input: { ...mail, ...change } });
      expect(await password()).toBeNull();
      expect((await loadAlertSettingsView(db, id)).hasSmtpPassword).toBe(false);
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "idp.alerts.update", targetId: id },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ cleared: ["smtpPassword"], replaced: [] });
    expect(audit.details).not.toContain("mail-pass-1");

    const hook = { ...BASE, kinds: [...BASE.kinds], id, robotEnabled: true };
    const url = `${sandbox.url}${r.path}`;
    await saveAlertSettings({ db, actor: "system", input: { ...hook, robotUrl: url, robotSecret: r.secret } });
    // The same URL typed again keeps the secret; another URL forgets it.
    await saveAlertSettings({ db, actor: "system", input: { ...hook, robotUrl: url } });
    expect((await loadAlertChannels(db, id))?.robot?.secret).toBe(r.secret);
    await saveAlertSettings({ db, actor: "system", input: { ...hook, robotUrl: `${url}&other=1` } });
    expect((await loadAlertChannels(db, id))?.robot).toEqual({ webhookUrl: `${url}&other=1`, secret: null });
  });
});

/** The secret with its last character changed: always another secret (a fixed "0" was the same one when it ended in 0). */
const tampered = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith("0") ? "1" : "0"}`;

describe("robot test message against the sandbox", () => {
  it("is accepted with the right secret and refused with 310000 for a tampered one", async () => {
    const id = await idp();
    const r = await robot();
    const input = { ...BASE, kinds: [...BASE.kinds], id, robotEnabled: true, robotUrl: `${sandbox.url}${r.path}` };
    await saveAlertSettings({ db, actor: "system", input: { ...input, robotSecret: r.secret } });
    expect(await sendTestAlert({ db, idpId: id, channel: "robot" })).toEqual({ channel: "robot", ok: true });
    await saveAlertSettings({ db, actor: "system", input: { ...input, robotSecret: tampered(r.secret) } });
    expect(await sendTestAlert({ db, idpId: id, channel: "robot" })).toEqual({
      channel: "robot",
      ok: false,
      reason: "bad_signature",
      errcode: 310000,
    });
  });
});

describe("coalescing", () => {
  it("sends the first alert at once, then one message per 10 minutes saying how many came in between", async () => {
    const id = await idp("Coalesce corp");
    const r = await robot();
    await saveAlertSettings({
      actor: "system",
      db,
      input: {
        ...BASE,
        kinds: ["run_failed"],
        id,
        robotEnabled: true,
        robotUrl: `${sandbox.url}${r.path}`,
        robotSecret: r.secret,
      },
    });
    const sent: AlertMessage[] = [];
    const deliver: Deliver = async (_c, m) => {
      sent.push(m);
    };
    const t0 = new Date("2026-01-01T08:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: t0 })).toBe("sent");
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: at(2) })).toBe("coalesced");
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: at(5) })).toBe("coalesced");
    expect(await flushAlerts({ db, deliver, now: at(9) })).toBe(0);
    expect(sent.map((m) => m.title)).toEqual(["A sync run of Coalesce corp failed"]);
    // Two more failures within the window: one message, saying 2, when it ends.
    expect(await flushAlerts({ db, deliver, now: at(10) })).toBe(1);
    expect(sent.map((m) => m.title)).toEqual([
      "A sync run of Coalesce corp failed",
      "2 sync runs of Coalesce corp failed",
    ]);
    expect(sent[1].markdown).toContain(`/identity-providers/${id}/sync-runs`);
    // Two processes flushing the same window send it once.
    await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: at(12) });
    const both = await Promise.all([
      flushAlerts({ db, deliver, now: at(21) }),
      flushAlerts({ db, deliver, now: at(21) }),
    ]);
    expect(both.reduce((a, b) => a + b, 0)).toBe(1);
    // A kind that is not chosen is not sent; another kind has its own window.
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "drift_found", now: at(30) })).toBe("off");
    expect(sent).toHaveLength(3);
  });

  it("sends two kinds whose windows end at different times, also the one ending later", async () => {
    const id = await idp("Windows corp");
    const r = await robot();
    await saveAlertSettings({
      actor: "system",
      db,
      input: {
        ...BASE,
        kinds: ["run_failed", "conflicts_waiting"],
        id,
        robotEnabled: true,
        robotUrl: `${sandbox.url}${r.path}`,
        robotSecret: r.secret,
      },
    });
    const sent: AlertMessage[] = [];
    const deliver: Deliver = async (_c, m) => {
      sent.push(m);
    };
    const t0 = new Date("2026-02-01T10:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: t0 })).toBe("sent");
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "conflicts_waiting", count: 3, now: at(2) })).toBe("sent");
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "run_failed", now: at(3) })).toBe("coalesced");
    expect(await raiseAlert({ db, deliver, idpId: id, kind: "conflicts_waiting", count: 2, now: at(4) })).toBe(
      "coalesced",
    );
    // The run_failed window ends at 10:10: its flush sends it and leaves the conflicts to 10:12.
    expect(await flushAlerts({ db, deliver, now: at(10) })).toBe(1);
    expect(sent.map((m) => m.title)).toEqual([
      "A sync run of Windows corp failed",
      "3 conflicts wait in the queue of Windows corp",
      "A sync run of Windows corp failed",
    ]);
    expect(await nextAlertFlush(db)).toEqual(at(12));
    // No timer left (a restart, say): the worker loop's flush sends it, through the real robot.
    await flushDueAlerts(db);
    expect(await nextAlertFlush(db)).toBeNull();
    const listed = await sandbox.admin<{
      robots: { accessToken: string; messages: { title: string; text: string }[] }[];
    }>("GET", "/_sandbox/robots");
    const messages = listed.robots.find((x) => x.accessToken === r.accessToken)?.messages ?? [];
    expect(messages.map((m) => m.title)).toEqual(["2 conflicts wait in the queue of Windows corp"]);
  });

  it("alerts after a failed run through the real robot, in the chosen language", async () => {
    const id = await idp("Runs corp");
    const r = await robot();
    await saveAlertSettings({
      actor: "system",
      db,
      input: {
        ...BASE,
        kinds: [...BASE.kinds],
        language: "bilingual",
        id,
        robotEnabled: true,
        robotUrl: `${sandbox.url}${r.path}`,
        robotSecret: r.secret,
      },
    });
    const run = await db.syncRun.create({ data: { idpId: id, kind: "full", trigger: "manual", status: "failed" } });
    await alertAfterRun(db, run.id);
    const listed = await sandbox.admin<{
      robots: { accessToken: string; messages: { title: string; text: string }[] }[];
    }>("GET", "/_sandbox/robots");
    const messages = listed.robots.find((x) => x.accessToken === r.accessToken)?.messages ?? [];
    expect(messages.map((m) => m.title)).toEqual(["A sync run of Runs corp failed / Runs corp 的一次同步失败"]);
  });
});

// A self-signed certificate for smtp.alerts.test, only for the local SMTP server below.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgMe4cyShrl5iojhoT
a/jzdxvV592vrgC8QM7bwSkGRF+hRANCAATb87Xee4czMGTTGbU9ZACj3aAWEvYZ
rqw1FuESVqCoSktkbc98E1K8ms1oNoGZARH24MIVoT9kMVTldijbWE43
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBqTCCAVCgAwIBAgIUfLvvurihl7gyINDJJ9x8oioz8AcwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQc210cC5hbGVydHMudGVzdDAgFw0yNjEyMDIwOTE4MDVaGA8y
MTI2MTEwODA5MTgwNVowGzEZMBcGA1UEAwwQc210cC5hbGVydHMudGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABNvztd57hzMwZNMZtT1kAKPdoBYS9hmurDUW
4RJWoKhKS2Rtz3wTUryazWg2gZkBEfbgwhWhP2QxVOV2KNtYTjejcDBuMB0GA1Ud
DgQWBBSkeFKNUo6cU9yN/rHgQHECHd9GMzAfBgNVHSMEGDAWgBSkeFKNUo6cU9yN
/rHgQHECHd9GMzAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEHNtdHAuYWxl
cnRzLnRlc3QwCgYIKoZIzj0EAwIDRwAwRAIgFWCThdqpZ+2xTjcysO5WwIhN70H2
J6wPIqpIscNXJoACIGldFgC0dMhY0gxulgUuQzO3Van2HtqD4+kC7tg1Ti9w
-----END CERTIFICATE-----`;
const MAIL_HOST = "smtp.alerts.test";
// The test's name for the local server: the client connects to the address it checked, with the
// name kept for TLS (the certificate is for smtp.alerts.test, not for 127.0.0.1).
const viaTestName: MailSendOptions = {
  lookup: async (host) => (host === MAIL_HOST ? [{ address: "127.0.0.1", family: 4 }] : []),
  ca: TEST_CERT,
};

describe("SMTP delivery", () => {
  it("delivers the test e-mail to a real SMTP server and shows its answer; a wrong password is named", async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    let authInClear = 0;
    const server = new SMTPServer({
      authOptional: true,
      key: TEST_KEY,
      cert: TEST_CERT,
      onAuth(auth, session, callback) {
        if (!session.secure) authInClear += 1;
        if (auth.username === "alerts" && auth.password === "right-pass") return callback(null, { user: "alerts" });
        callback(new Error("Invalid username or password"));
      },
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback(null, "Message queued as test-1");
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const id = await idp("Mail corp");
      const input = {
        ...BASE,
        kinds: [...BASE.kinds],
        id,
        mailEnabled: true,
        smtpHost: MAIL_HOST,
        smtpPort: port,
        smtpUser: "alerts",
        mailFrom: "console@example.com",
        mailTo: "ops@example.com, dba@example.com",
      };
      await saveAlertSettings({ db, actor: "system", input: { ...input, smtpPassword: "right-pass" } });
      const ok = await sendTestAlert({ db, idpId: id, channel: "mail", mail: viaTestName });
      expect(ok).toMatchObject({ channel: "mail", ok: true });
      expect(ok.ok && ok.channel === "mail" && ok.response).toContain("Message queued as test-1");
      expect(received).toHaveLength(1);
      expect(received[0].from).toBe("console@example.com");
      expect(received[0].to).toEqual(["ops@example.com", "dba@example.com"]);
      expect(received[0].data).toContain("Subject: Test message from the console for Mail corp");

      await saveAlertSettings({ db, actor: "system", input: { ...input, smtpPassword: "wrong-pass" } });
      expect(await sendTestAlert({ db, idpId: id, channel: "mail", mail: viaTestName })).toMatchObject({
        channel: "mail",
        ok: false,
        reason: "auth",
      });
      expect(received).toHaveLength(1);
      expect(authInClear).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("SMTP host check", () => {
  const message = { title: "t", text: "t", markdown: "t" };
  const mail = {
    host: "127.0.0.1",
    port: 25,
    secure: false,
    user: "alerts",
    password: "mail-pass-9",
    from: "console@example.com",
    to: "ops@example.com",
  };

  it("refuses loopback, private and names resolving to them unless local endpoints are allowed", async () => {
    const lookup = async (host: string) =>
      host === "mail.internal.example" ? [{ address: "10.0.0.5", family: 4 }] : [{ address: "47.96.1.1", family: 4 }];
    for (const host of ["127.0.0.1", "10.1.2.3", "[::1]", "localhost", "mail.internal.example"]) {
      const outcome = await sendMail({ ...mail, host }, message, { allowLocal: false, lookup });
      expect(outcome).toEqual({ channel: "mail", ok: false, reason: "unsafe_host" });
      expect(JSON.stringify(outcome)).not.toContain("mail-pass-9");
    }
  });

  it("takes the switch from DINGTALK_ALLOW_LOCAL_ENDPOINTS, and never sends AUTH without TLS", async () => {
    let authSeen = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onAuth(_auth, _session, callback) {
        authSeen += 1;
        callback(null, { user: "alerts" });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    const previous = process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS;
    try {
      process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "false";
      expect(await sendMail({ ...mail, port }, message)).toEqual({ channel: "mail", ok: false, reason: "unsafe_host" });
      process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";
      // Allowed now, but this server offers no STARTTLS: the password is not sent in clear text.
      const outcome = await sendMail({ ...mail, port }, message);
      expect(outcome.ok).toBe(false);
      expect(authSeen).toBe(0);
      // Without a user there is nothing to protect: plain SMTP to the local server works.
      expect(await sendMail({ ...mail, port, user: null, password: null }, message)).toMatchObject({ ok: true });
    } finally {
      if (previous === undefined) delete process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS;
      else process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = previous;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
