// The one place that turns a message (a code and its parameters) into words.
import { ERRCODE_TABLE } from "@/lib/dingtalk/error-codes";
import type { DingTalkErrorDetail } from "@/lib/dingtalk/errors";
import { ExpressionError } from "@/lib/expression/errors";
import { formatExpressionError } from "@/lib/expression/messages/format";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import { isProblemCode, type Reason } from "@/lib/sync/reasons";
import type { RunError } from "@/lib/sync/run";
import type { ObjectType } from "@/lib/sync/types";
import type { CatalogueKey, CatalogueValues, Translate } from "./catalogue";
import type { Message, MessageCode, MessageParamMap } from "./codes";

export type FormatContext = {
  t: Translate;
  locale: Locale;
  /** Names DingTalk fields in reasons (`field` parameters) as this object type's fields. */
  objectType?: ObjectType;
};

/** Codes whose words are not one catalogue entry: every other code must be a catalogue key. */
type ComputedCode = "errors.dingtalk" | "mappingErrors.expression";
type MissingKey = Exclude<Exclude<MessageCode, ComputedCode>, CatalogueKey>;
// A code without English words fails to compile here, naming the code.
const everyCodeHasWords: [MissingKey] extends [never] ? true : MissingKey = true;
void everyCodeHasWords;

/** The catalogue entry for a DingTalk failure: its errcode's, else the client's error code's. */
export function dingTalkKey(detail: DingTalkErrorDetail): CatalogueKey {
  if (detail.code === "api_error") {
    // errcode 88 without a sub_code means a missing permission, as 60011 does (classify.ts).
    const errcode = detail.errcode === 88 ? 60011 : detail.errcode;
    const known = errcode !== null && Object.hasOwn(ERRCODE_TABLE, errcode);
    return known ? (`dingtalkErrors.e${errcode}` as CatalogueKey) : "dingtalkErrors.unknown";
  }
  if (detail.code === "v1_error") {
    if (detail.kind === "auth") return "dingtalkErrors.v1_auth";
    if (detail.kind === "permission") return "dingtalkErrors.v1_permission";
    if (detail.kind === "throttled") return "dingtalkErrors.v1_throttled";
    return "dingtalkErrors.v1_error";
  }
  return `dingtalkErrors.${detail.code}`;
}

function dingTalkValues(detail: DingTalkErrorDetail): CatalogueValues {
  return { permission: detail.permission ?? "—", errcode: detail.errcode ?? "—", httpStatus: detail.httpStatus ?? "—" };
}

/** Parameters as ICU values: DingTalk field keys become their labels, null a dash. */
function values(params: object | undefined, context: FormatContext): CatalogueValues {
  const out: CatalogueValues = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name === "field" && typeof value === "string") {
      out.field = dingTalkFieldLabel(context.objectType ?? "user", value, context.locale);
    } else if (typeof value === "string" || typeof value === "number") out[name] = value;
    else if (value === null) out[name] = "—";
    else if (typeof value === "boolean") out[name] = String(value);
  }
  return out;
}

function problemWords(problem: unknown, context: FormatContext): string {
  return isProblemCode(problem) ? context.t(`syncProblems.${problem}`) : context.t("syncProblems.unknown");
}

/** The words for a message, in the context's language. */
export function formatMessage(message: Message, context: FormatContext): string {
  const { t } = context;
  switch (message.code) {
    case "errors.dingtalk":
      return t(dingTalkKey(message.params), dingTalkValues(message.params));
    case "mappingErrors.expression":
      return formatExpressionError(new ExpressionError(message.params.expression, 0, 0), context.locale);
    case "syncReasons.refused":
    case "syncReasons.invalid_name": {
      const problem = problemWords(message.params.problem, context);
      return t(message.code, { ...values(message.params, context), problem });
    }
    case "syncReasons.mapping_error":
      return t(message.code, {
        ...values(message.params, context),
        problem: problemWords(message.params.code, context),
      });
    default:
      return t(message.code as Exclude<MessageCode, ComputedCode>, values(message.params, context));
  }
}

/** A message from its parts, for codes whose parameters are checked elsewhere (stored JSON). */
function message<C extends MessageCode>(code: C, params: MessageParamMap[C] | undefined): Message {
  return { code, params } as Message;
}

/** A sync record's or failure's reason as a message. */
export function reasonMessage(reason: Reason): Message {
  return message(`syncReasons.${reason.code}`, reason.params);
}

/** The words for a DingTalk errcode stored on a record (SyncRecord.errcode, SyncFailure.errcode). */
export function errcodeMessage(errcode: number): Message {
  return { code: "errors.dingtalk", params: { code: "api_error", kind: "invalid", errcode } };
}

/** A run's error as a message. */
export function runErrorMessage(error: RunError): Message {
  switch (error.code) {
    case "dingtalk":
      return { code: "errors.dingtalk", params: error.dingtalk };
    case "stopped":
      return error.errcode === null ? { code: "runErrors.stopped" } : errcodeMessage(error.errcode);
    case "rule_invalid":
      return { code: "runErrors.rule_invalid", params: { field: String(error.params.targetField ?? "—") } };
    case "target_not_found":
      return { code: "runErrors.target_not_found", params: { deptId: String(error.params.deptId ?? "—") } };
    case "held":
      return { code: "runErrors.held" };
    default:
      return { code: `runErrors.${error.code}` };
  }
}
