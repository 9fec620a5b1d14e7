import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { ERRCODE_TABLE } from "@/lib/dingtalk/error-codes";
import type { DingTalkErrorCode } from "@/lib/dingtalk/errors";
import enBase from "@/lib/i18n/messages/en.json";
import enIdp from "@/lib/i18n/messages/idp/en.json";
import jaIdp from "@/lib/i18n/messages/idp/ja.json";
import zhIdp from "@/lib/i18n/messages/idp/zh-CN.json";
import jaBase from "@/lib/i18n/messages/ja.json";
import zhBase from "@/lib/i18n/messages/zh-CN.json";
import { locales, type Locale } from "@/lib/i18n/config";
import { PROBLEM_CODES, REASON_CODES } from "@/lib/sync/reasons";
import { readRunError, writeRunError, type RunError } from "@/lib/sync/run";
import type { Translate } from "./catalogue";
import type { ActionErrorCode, Message, MessageCode, MessageParamMap, NoParams } from "./codes";
import { formatMessage, reasonMessage, runErrorMessage } from "./format";

const catalogues = { en: { ...enBase, ...enIdp }, "zh-CN": { ...zhBase, ...zhIdp }, ja: { ...jaBase, ...jaIdp } };

function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  // Fail loudly on a missing key or value instead of printing the key.
  return (key, values) => {
    const text = (t as unknown as (k: string, v?: object) => string)(key, values);
    if (text === key) throw new Error(`no words for ${key}`);
    return text;
  };
}

type WithParams = { [K in MessageCode]: MessageParamMap[K] extends NoParams ? never : K }[MessageCode];

// One example of every code that takes parameters (a new one fails to compile until it is here).
const samples: { [K in WithParams]: MessageParamMap[K] } = {
  "errors.dingtalk": { code: "api_error", kind: "permission", errcode: 60011, permission: "qyapi_get_member" },
  "mappingErrors.notUserField": { field: "nickname" },
  "mappingErrors.notDeptField": { field: "manager" },
  "mappingErrors.fieldUsed": { field: "email" },
  "mappingErrors.expression": { expression: { reason: "unknown_function", name: "Foo" }, start: 0, end: 3 },
  "mappingPreview.cut": { max: 200, length: 205 },
  "mappingPreview.too_long": { max: 50, length: 57 },
  "runErrors.rule_invalid": { field: "email" },
  "runErrors.target_not_found": { deptId: 42 },
  "syncReasons.remote_missing": { userid: "u1" },
  "syncReasons.matched_by_identifier": { field: "email", value: "a@example.com" },
  "syncReasons.matched_by_source_identifier": { sourceIdentifier: "ou-1" },
  "syncReasons.matched_by_name": { name: "Sales" },
  "syncReasons.too_deep": { level: 21, max: 20 },
  "syncReasons.parent_blocked": { parentId: "ou-1" },
  "syncReasons.mapping_error": { field: "name", code: "too_long" },
  "syncReasons.invalid_name": { problem: "invalid_characters", name: "R-D", characters: "-," },
  "syncReasons.name_conflict": { name: "Sales" },
  "syncReasons.delete_not_empty": { members: 2, subDepartments: 1 },
  "syncReasons.refused": { field: "email", problem: "too_long" },
  "syncReasons.identifier_ambiguous": { field: "mobile", count: 2 },
  "syncReasons.userid_taken": { userid: "zhang.san", name: null },
  "syncReasons.name_taken_by_bound": { deptId: 7, localId: "ou-2" },
  "syncReasons.matched_on_name_conflict": { deptId: 7 },
  "syncReasons.conflict_bound_elsewhere": { userid: "u9", name: "Zhang", account: "Li", boundTo: "acc-1" },
  "syncReasons.mobile_conflict": {
    userid: "u9",
    name: "Zhang",
    account: "Li",
    localId: "acc-2",
    field: "mobile",
    theirs: "+86-1",
    ours: "+86-2",
  },
  "syncReasons.userid_conflict": {
    userid: "u9",
    name: null,
    account: "Li",
    localId: "acc-2",
    field: "email",
    theirs: null,
    ours: "li@example.com",
  },
  "syncReasons.bound_by_mobile": { userid: "u9" },
  "syncReasons.bound_by_userid": { userid: "u9" },
  "syncReasons.recreated_after_not_found": { userid: "u9" },
  "syncReasons.matched_by_fallback": { field: "mobile", value: "+86-13800000001" },
  "syncReasons.bound_by_fallback": { userid: "u9", field: "email" },
  "syncReasons.clash_with_user": {
    field: "mobile",
    value: "+86-13800000001",
    account: "Li",
    userid: "dt0001",
    name: "Zhang Wei",
    departments: "Sales, Beijing",
  },
  "syncReasons.clash_outside_scope": { field: "email", value: "li@example.com", account: "Li" },
  "syncReasons.department_not_created": { ouId: "ou-3" },
  "syncReasons.run_stopped": { errcode: 90020 },
  "syncReasons.delete_threshold_percent": { percent: 20, count: 100, deletes: 30, bound: 50 },
  "syncReasons.delete_threshold_count": { percent: 20, count: 100, deletes: 130, bound: 5000 },
  "syncReasons.ou_deleted": { remotePresent: true },
  "syncReasons.ou_out_of_scope": { remotePresent: false },
  "syncReasons.account_deleted": { remotePresent: true },
  "syncReasons.account_out_of_scope": { remotePresent: false },
  "syncReasons.deprovision_move": { left: "deleted", userid: "u1", deptId: 42 },
  "syncReasons.deprovision_unbind": { left: "disabled", userid: "u1" },
  "syncReasons.linked_by_admin": { userid: "u9" },
  "errors.planApplied": { by: "admin@example.com" },
  "errors.planApplying": { by: "admin@example.com" },
  "syncReasons.link_target_taken": { userid: "u9", name: "Zhang" },
  "syncReasons.account_disabled": { remotePresent: true },
  "syncReasons.account_filtered_out": { remotePresent: false },
  "syncReasons.scope_filter_failed": { code: "type", start: 0, end: 5 },
};

// Codes without parameters, listed once per family so a new one cannot be left out.
const actionCodes: { [K in ActionErrorCode]: true } = {
  "errors.unauthorized": true,
  "errors.invalid_input": true,
  "errors.internal": true,
  "errors.accountNotFound": true,
  "errors.ouNotFound": true,
  "errors.customFieldNotFound": true,
  "errors.moveRoot": true,
  "errors.moveUnderItself": true,
  "errors.ouHasChildren": true,
  "errors.ouHasMembers": true,
  "errors.idpNotFound": true,
  "errors.runNotFound": true,
  "errors.runInProgress": true,
  "errors.runNotRunning": true,
  "errors.reconcileInProgress": true,
  "errors.reconciliationNotFound": true,
  "errors.nothingToRepair": true,
  "errors.corpIdTaken": true,
  "errors.deptNotFound": true,
  "errors.deptOutOfScope": true,
  "errors.incrementalBeforeFull": true,
  "errors.wizardIncomplete": true,
  "errors.idpDisabled": true,
  "errors.nothingToRetry": true,
  "errors.noFailures": true,
  "errors.planNotFound": true,
  "errors.planStale": true,
  "errors.planApplied": true,
  "errors.planApplying": true,
  "errors.provisionBeforeFull": true,
  "errors.linkTargetUnknown": true,
  "errors.decisionAccountMissing": true,
  "errors.appSecretReentry": true,
  "errors.dingtalk": true,
};
const namespaces = (names: string[]) =>
  names.flatMap((ns) => Object.keys((catalogues.en as Record<string, object>)[ns]).map((k) => `${ns}.${k}`));

const allCodes = [
  ...Object.keys(actionCodes),
  ...namespaces(["validation", "idpValidation", "csv", "mappingErrors", "mappingPreview", "runErrors"]),
  ...["invalidCredentials", "lockedOut", "unexpected", "emailInvalid", "passwordRequired"].map((k) => `login.${k}`),
  ...REASON_CODES.map((c) => `syncReasons.${c}`),
  ...PROBLEM_CODES.map((c) => `syncProblems.${c}`),
  "mappingErrors.expression",
] as MessageCode[];

function messageOf(code: MessageCode): Message {
  const params = (samples as Record<string, object>)[code];
  return { code, params } as Message;
}

/** A sentence for a person: not empty, no code, no placeholder, nothing of JavaScript's. */
function expectWords(text: string, code: string) {
  expect(text.trim().length, code).toBeGreaterThan(3);
  expect(text, code).not.toMatch(/[{}]|undefined|null|NaN|\[object/);
  expect(text, code).not.toContain(code);
  const name = code.split(".").at(-1) ?? code;
  if (name.includes("_")) expect(text, code).not.toContain(name);
}

describe("the message registry", () => {
  it.each(locales)("has words for every code in %s", (locale) => {
    const context = { t: translator(locale), locale };
    for (const code of new Set(allCodes)) expectWords(formatMessage(messageOf(code), context), code);
  });

  it.each(locales)("names the cause and the fix of every DingTalk errcode and client error in %s", (locale) => {
    const context = { t: translator(locale), locale };
    const clientCodes: DingTalkErrorCode[] = [
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
    ];
    const details = [
      ...Object.keys(ERRCODE_TABLE).map((errcode) => ({ code: "api_error" as const, errcode: Number(errcode) })),
      { code: "api_error" as const, errcode: 12345 },
      ...clientCodes.map((code) => ({ code, errcode: null })),
    ];
    for (const detail of details) {
      const text = formatMessage({ code: "errors.dingtalk", params: { kind: "invalid", ...detail } }, context);
      expectWords(text, "errors.dingtalk");
      if (detail.code.includes("_")) expect(text).not.toContain(detail.code);
      // Two sentences at least: what happened, then what to do.
      expect(text.split(/[.。:：]\s*/).filter((s) => s.trim()).length, String(detail.errcode)).toBeGreaterThanOrEqual(
        2,
      );
      if (detail.errcode !== null) expect(text).toContain(String(detail.errcode));
    }
  });

  it("names the DingTalk field of a reason in the page's language", () => {
    const refused = reasonMessage({ code: "refused", params: { field: "job_number", problem: "too_long" } });
    expect(formatMessage(refused, { t: translator("ja"), locale: "ja" })).toContain("社員番号");
    expect(formatMessage(refused, { t: translator("en"), locale: "en" })).toContain("Job number");
  });

  it("reads what earlier versions stored as a run's error, and writes one shape", () => {
    const old = '{"code":"dingtalk","errcode":60011,"kind":"permission","title":"x","fix":"y"}';
    expect(readRunError(old)).toEqual({
      code: "dingtalk",
      dingtalk: { code: "api_error", kind: "permission", errcode: 60011 },
    });
    expect(readRunError('{"code":"internal","message":"boom"}')).toEqual({ code: "internal" });
    expect(readRunError("not json")).toEqual({ code: "internal" });
    const errors: RunError[] = [
      { code: "interrupted" },
      { code: "stopped", errcode: 90020 },
      { code: "held", reason: { code: "held_for_confirmation" }, deletes: 3, bound: 4 },
      { code: "rule_invalid", params: { targetField: "email" } },
    ];
    for (const error of errors) {
      expect(readRunError(writeRunError(error))).toEqual(error);
      for (const locale of locales) {
        const message = runErrorMessage(error);
        expectWords(formatMessage(message, { t: translator(locale), locale }), message.code);
      }
    }
  });
});
