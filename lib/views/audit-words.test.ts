import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import enBase from "@/lib/i18n/messages/en.json";
import jaBase from "@/lib/i18n/messages/ja.json";
import zhBase from "@/lib/i18n/messages/zh-CN.json";
import { locales, type Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/messages/catalogue";
import { AUDIT_ACTIONS, auditWordsKey, type AuditAction, type AuditNames } from "./audit";
import { AUDIT_REFUSAL_REASONS, auditSentence, type AuditSentenceEntry } from "./audit-words";

const catalogues = { en: enBase, "zh-CN": zhBase, ja: jaBase };

function translator(locale: Locale): Translate {
  const t = createTranslator({
    locale,
    messages: catalogues[locale],
    onError: (error) => {
      throw error;
    },
  });
  return (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values);
}

// What the console writes for each action (the shapes of lib/server/**'s writeAudit calls).
const DETAILS: Record<AuditAction, Record<string, unknown>> = {
  "admin.create": { email: "ops@example.com", linkedAccountId: "acc_1" },
  "auth.sign_in": { method: "dingtalk_qr", idpId: "idp_1", userid: "dt0001" },
  "auth.sign_in_failed": { email: "ops@example.com" },
  "auth.sign_in_refused": { email: "ops@example.com", reason: "locked_out" },
  "portal.sign_in": { method: "dingtalk_inapp", idpId: "idp_1", userid: "dt0001" },
  "account.create": { username: "zhang.wei" },
  "account.update": { username: "zhang.wei" },
  "account.enable": { count: 5, ids: ["acc_1", "acc_2", "acc_3", "acc_4", "acc_5"] },
  "account.disable": { count: 1, ids: ["acc_1"] },
  "account.delete": { count: 2, usernames: ["zhang.wei", "li.na"] },
  "account.import": { created: 3, updated: 1, skipped: 0 },
  "ou.create": { name: "Sales" },
  "ou.update": { from: "Sales", to: "Sales & Marketing" },
  "ou.move": { name: "Sales", from: null, to: "ou_2" },
  "ou.reorder": { direction: "up" },
  "ou.delete": { name: "Sales", movedMembers: 4 },
  "ou.import": { created: 2, updated: 0, skipped: 1 },
  "custom_field.create": { displayName: "Work place", type: "text" },
  "custom_field.update": { displayName: "Work place", type: "text", required: true },
  "custom_field.delete": {},
  "directory.export": { file: "accounts.csv" },
  "demo.seed": { ous: 12, accounts: 319 },
  "idp.create": { displayName: "Acme DingTalk", corpId: "ding1", appSecretChanged: true },
  "idp.update": { displayName: "Acme DingTalk", appSecretChanged: false },
  "idp.rotate_secret": { appSecretChanged: true },
  "idp.check_permissions": { missing: ["qyapi_get_member"], allEmployees: true },
  "idp.scenario": { targetDeptId: 1, targetDeptName: "Acme" },
  "idp.alerts.update": {
    kinds: ["run_failed"],
    language: "en",
    robot: true,
    mail: false,
    replaced: ["robotUrl"],
  },
  "idp.mapping.update": { before: [], after: [] },
  "idp.enable": { via: "wizard" },
  "idp.disable": {},
  "idp.delete": { displayName: "Acme DingTalk", corpId: "ding1", bindings: 3 },
  "idp.conflict.link": { idpId: "idp_1", account: "张伟", username: "zhang.wei", userid: "dt0001" },
  "idp.conflict.skip": { idpId: "idp_1", account: "张伟", username: "zhang.wei" },
  "idp.conflict.clear": { idpId: "idp_1", account: "张伟", username: "zhang.wei", before: { decision: "skip" } },
  "sync.full": { runId: "run_1", trigger: "manual", planId: "plan_1" },
  "sync.dry_run": { runId: "run_1", trigger: "manual" },
  "sync.incremental": { runId: "run_1", trigger: "incremental" },
  "sync.retry": { runId: "run_1", trigger: "retry" },
  "sync.cancel": {},
  "sync.plan": { planId: "plan_1", needsReview: true },
  "sync.plan.changed": { planId: "plan_1", newPlanId: "plan_2" },
  "reconcile.run": { reconciliationId: "rec_1", trigger: "schedule" },
  "reconcile.repair": { reconciliationId: "rec_1", runId: "run_1", objects: 3 },
  "idp.reconcile.update": { schedule: "daily", everyHours: 24, at: "03:00", driftPolicy: "report" },
  "sync.provision": {
    idpId: "idp_1",
    runId: "run_1",
    account: "张伟",
    username: "zhang.wei",
    operation: "user_create",
  },
};

const LIVE: AuditNames = {
  idp: "Acme DingTalk",
  account: "张伟",
  accounts: ["张伟", "李娜", "王芳"],
  ou: "Sales",
  fromOu: "",
  toOu: "Asia",
  field: "Work place",
  dingtalkUser: "Zhang Wei",
};
// Every object gone, no name kept.
const GONE: AuditNames = {
  idp: null,
  account: null,
  accounts: [],
  ou: null,
  fromOu: null,
  toOu: null,
  field: null,
  dingtalkUser: null,
};

const entry = (action: string, names: AuditNames, actor: string | null = "admin@example.com"): AuditSentenceEntry => ({
  actor,
  action,
  details: DETAILS[action as AuditAction] ?? {},
  names,
});

describe("audit sentences", () => {
  describe.each(locales)("in %s", (locale) => {
    const t = translator(locale);
    it.each(AUDIT_ACTIONS)("%s reads as a sentence, with names or with its objects gone", (action) => {
      for (const names of [LIVE, GONE]) {
        for (const actor of ["admin@example.com", null]) {
          const text = auditSentence(entry(action, names, actor), { t, locale });
          expect(text.length).toBeGreaterThan(10);
          expect(text).not.toMatch(/[{}]|undefined|null|audit\./);
          expect(text).not.toContain(action);
        }
      }
    });

    it.each([...AUDIT_REFUSAL_REASONS, "something_new"])("a sign-in refused for %s says why", (reason) => {
      const text = auditSentence(
        { actor: null, action: "auth.sign_in_refused", details: { method: "password", reason }, names: {} },
        { t, locale },
      );
      expect(text).not.toMatch(/[{}]|undefined|audit\./);
    });
  });

  it.each([
    [
      "en",
      "idp.conflict.link",
      "admin@example.com linked the account 张伟 to the DingTalk user Zhang Wei (dt0001) for Acme DingTalk",
    ],
    ["zh-CN", "idp.conflict.link", "admin@example.com 为 Acme DingTalk 将账户 张伟 关联到钉钉用户 Zhang Wei（dt0001）"],
    ["en", "sync.full", "admin@example.com applied a sync plan of Acme DingTalk"],
    ["en", "idp.mapping.update", "admin@example.com changed the field mapping of Acme DingTalk"],
    ["ja", "idp.mapping.update", "admin@example.com が Acme DingTalk のフィールドマッピングを変更しました"],
    ["en", "account.enable", "admin@example.com enabled 5 accounts: 张伟, 李娜, 王芳, and 2 more"],
    ["en", "ou.move", "admin@example.com moved the organization Sales from the top level to Asia"],
    ["en", "ou.update", "admin@example.com renamed the organization Sales to Sales & Marketing"],
    [
      "en",
      "auth.sign_in_refused",
      "A sign-in as ops@example.com was refused: too many failed attempts, so the e-mail is locked for a while",
    ],
  ] as const)("%s: %s names who did what to what", (locale, action, expected) => {
    expect(auditSentence(entry(action, LIVE), { t: translator(locale), locale })).toBe(expected);
  });

  it("names a deleted object as such, or by the name its entry kept", () => {
    const t = translator("en");
    expect(auditSentence(entry("account.update", GONE), { t, locale: "en" })).toBe(
      "admin@example.com changed the account a deleted account",
    );
    expect(auditSentence(entry("sync.incremental", GONE, null), { t, locale: "en" })).toBe(
      "The system started an incremental sync of a deleted identity provider",
    );
    expect(auditSentence(entry("idp.conflict.link", { ...GONE, account: "张伟" }), { t, locale: "en" })).toBe(
      "admin@example.com linked the account 张伟 to the DingTalk user dt0001 for a deleted identity provider",
    );
  });

  it("an action this version does not know still reads as a sentence", () => {
    const text = auditSentence(entry("legacy.thing", {}), { t: translator("en"), locale: "en" });
    expect(text).toBe("admin@example.com did something this version has no words for (legacy.thing)");
  });

  it("every action has words in every catalogue", () => {
    for (const locale of locales) {
      for (const action of AUDIT_ACTIONS) {
        const value = auditWordsKey(action)
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogues[locale]);
        expect([locale, action, typeof value]).toEqual([locale, action, "string"]);
      }
    }
  });

  it("every action code written anywhere in the code base is listed", () => {
    const written = writtenActionCodes();
    expect(written.literals.length).toBeGreaterThan(30);
    expect(written.literals.filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
    // A template (`sync.${mode}`) is checked by the compiler; its fixed part must still name listed codes.
    for (const prefix of written.templatePrefixes)
      expect([prefix, AUDIT_ACTIONS.some((code) => code.startsWith(prefix))]).toEqual([prefix, true]);
  });
});

/** The action codes of every writeAudit(...) and auditLog.create(...) call under lib/, app/ and prisma/. */
function writtenActionCodes(): { literals: string[]; templatePrefixes: string[] } {
  const literals = new Set<string>();
  const templatePrefixes = new Set<string>();
  const files = ["lib", "app", "prisma"].flatMap((dir) => sourceFiles(path.join(process.cwd(), dir)));
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const call of source.matchAll(/(?:writeAudit|auditLog\.create)\(/g)) {
      const action = /\baction:\s*([^,\n]+)/.exec(source.slice(call.index, call.index + 600))?.[1] ?? "";
      for (const m of action.matchAll(/"([a-z_]+\.[a-z_.]+)"/g)) literals.add(m[1]);
      for (const m of action.matchAll(/`([a-z_.]+)\$\{/g)) templatePrefixes.add(m[1]);
    }
  }
  return { literals: [...literals].sort(), templatePrefixes: [...templatePrefixes].sort() };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
