// The sync engine's pure core: snapshot -> plan (a readable value) -> apply (exactly that).
export {
  applyPlan,
  type ApplyCounts,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyResult,
  type ApplyStatus,
} from "./apply";
export { SyncError, type SyncErrorCode } from "./errors";
export {
  checkLength,
  comparable,
  formatMobile,
  MAX_DEPT_LEVELS,
  USER_FIELD_RULES,
  writtenValue,
  type FieldRule,
} from "./fields";
export { contentHash } from "./hash";
export {
  compileSyncRules,
  premapSources,
  mapOuName,
  mapUser,
  toIdpUser,
  type CompiledRules,
  type MappedUser,
} from "./mapping";
export {
  countOps,
  DEFAULT_DELETE_THRESHOLD_COUNT,
  DEFAULT_DELETE_THRESHOLD_PERCENT,
  PLAN_OP_KINDS,
  planSync,
  planWithRules,
} from "./plan";
export { planInputDigest } from "./plan-digest";
export {
  isReviewGroup,
  needsReview,
  REVIEW_GROUPS,
  reviewCounts,
  reviewGroup,
  type ReviewCounts,
  type ReviewGroup,
} from "./review";
export { readSnapshot, type ReadSnapshotOptions, type SnapshotClient } from "./snapshot";
export type { ApplyClient, SyncStore } from "./store";
export {
  readTargetedSnapshot,
  snapshotNeeds,
  type NeedsInput,
  type SnapshotNeeds,
  type TargetedClient,
} from "./targeted";
export type * from "./types";
