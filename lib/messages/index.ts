export type { CatalogueKey, Translate } from "./catalogue";
export type {
  ActionErrorCode,
  FieldCode,
  FieldErrors,
  Message,
  MessageCode,
  MessageParamMap,
  PlainCode,
} from "./codes";
export {
  dingTalkKey,
  errcodeMessage,
  formatMessage,
  reasonMessage,
  runErrorMessage,
  type FormatContext,
} from "./format";
