// Plain input/output shapes of the sync engine. lib/server fills the inputs from the
// database; nothing here knows Prisma or Next.js.
import type { MappingRule } from "@/lib/mapping";
import type { MatchFallback } from "./matching";
import type { MappingProblem, Reason } from "./reasons";

export type ObjectType = "user" | "organization";

/** The `idpUser` variable of EXPRESSIONS.md. */
export type IdpUser = {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  phoneNumber: string | null;
  /** Country calling code without "+", e.g. "86". */
  phoneRegion: string | null;
  employeeNumber: string | null;
  jobTitle: string | null;
  userExternalId: string | null;
  status: string;
  description: string | null;
  primaryOrganizationalUnitId: string | null;
  organizationalUnits: { organizationalUnitId: string; organizationalUnitName: string }[];
  createTime: number;
  updateTime: number;
  customFields: Record<string, string | number | boolean | null>;
};

/** An IDaaS account: the idpUser shape plus the OU memberships that place it in DingTalk. */
export type SourceAccount = IdpUser & {
  id: string;
  /** Every OU the account belongs to (those outside the scope are ignored). */
  ouIds: string[];
  primaryOuId: string | null;
};

export type SourceOu = {
  id: string;
  name: string;
  parentId: string | null;
  order: number;
  externalId: string | null;
  description: string | null;
  createTime?: number;
  updateTime?: number;
};

export type BindingRecord = {
  objectType: ObjectType;
  localId: string;
  /** DingTalk userid, or dept_id as a decimal string. */
  remoteId: string;
  /** contentHash() of the fields last written successfully. */
  contentHash: string | null;
  /** rulesDigest() of the rules that write used; null or absent when written before digests were kept. */
  rulesDigest?: string | null;
};

export type SnapshotDepartment = {
  deptId: number;
  name: string;
  /** null for the target node itself. */
  parentId: number | null;
  /** undefined when DingTalk did not say (then order is not compared). */
  order?: number;
  sourceIdentifier?: string;
};

export type SnapshotUser = {
  userid: string;
  deptIdList: number[];
  /** The user's scalar fields by DingTalk wire name (name, mobile, email, job_number, ...), as text. */
  fields: Record<string, string>;
};

/** What sits under the target node in DingTalk. */
export type DingTalkSnapshot = {
  targetDeptId: number;
  /** Level of the target node: the root department is level 1. */
  targetLevel: number;
  /** The departments strictly under the target node. */
  departments: SnapshotDepartment[];
  /** Members of the target node and of every department under it, each once. */
  users: SnapshotUser[];
  /**
   * Set when only the objects an incremental run touches were read (readTargetedSnapshot):
   * a bound department absent from `departments` is missing only if its id is in
   * `checkedDeptIds`; otherwise it is taken to be as this engine last wrote it.
   */
  partial?: { checkedDeptIds: number[] };
};

export type PlanInput = {
  /** The source organizations: each stands for the target node; their sub-OUs become its sub-departments. */
  sourceRootIds: string[];
  /** OUs (at least those under the source roots; others are ignored). */
  ous: SourceOu[];
  /** Accounts (those without an OU in scope are out of scope). */
  accounts: SourceAccount[];
  rules: MappingRule[];
  /** The console's custom fields that expressions may read (idpUser.customFields.<id>); planSync's catalogue. */
  customFieldIds?: string[];
  snapshot: DingTalkSnapshot;
  bindings: BindingRecord[];
  /** Plan only these local objects (incremental sync, retry of failed objects); the rest are left alone. */
  only?: string[];
  /** Deletion protection, per IdP; defaults 20 % and 100. */
  deleteThresholdPercent?: number;
  deleteThresholdCount?: number;
  /** Matching precedence after the identifier, in order (lib/sync/matching.ts); none by default. */
  matchFallbacks?: MatchFallback[];
  /** What happens to the user of an account deleted, disabled or out of scope; delete by default. */
  deprovision?: DeprovisionPolicy;
  /** An administrator's answers to conflicts: link an account to a DingTalk user, or skip it. */
  decisions?: MatchDecision[];
  /** The scoping filter's source (lib/mapping/scope-filter.ts): only accounts it is true for are in scope. */
  scopeFilter?: string | null;
};

/**
 * An administrator's answer to a conflict (the IdP's conflict queue or the review): "link" binds the
 * account to that DingTalk user (then updates it as planned); "skip" leaves the account out of every
 * run until un-skipped (no write, no deprovisioning).
 */
export type MatchDecision =
  { localId: string; decision: "link"; remoteId: string } | { localId: string; decision: "skip" };

/**
 * Per IdP: delete the DingTalk user (counted toward the deletion threshold), move it to a holding
 * department (binding kept, so a returning account is moved back), or unbind and leave it as it is.
 */
export type DeprovisionPolicy = { policy: "delete" } | { policy: "unbind" } | { policy: "move"; deptId: number };

/** A code and its typed parameters (reasons.ts), turned into words by lib/messages. */
export type { MappingProblem, Reason } from "./reasons";

export type FieldDiff = { field: string; before: string | null; after: string | null };

/** A department by its DingTalk id, or by the OU whose department this run creates. */
export type DeptRef = { deptId: number } | { ouId: string };

type OpBase = {
  localId: string;
  remoteId?: string;
  displayName: string;
  reason: Reason;
  diff: FieldDiff[];
};

export type DeptFields = { name: string; order: number; sourceIdentifier: string };

type DeptOpBase = OpBase & { objectType: "organization" };

export type DeptCreateOp = DeptOpBase & {
  kind: "dept_create";
  parent: DeptRef;
  fields: DeptFields;
  contentHash: string;
  /** rulesDigest() of the run's rules, kept with the binding. */
  rulesDigest?: string;
};
/** A bound (or matched, `bind: true`) department whose name or order changes. */
export type DeptUpdateOp = DeptOpBase & {
  kind: "dept_update";
  remoteId: string;
  fields: DeptFields;
  contentHash: string;
  /** rulesDigest() of the run's rules, kept with the binding. */
  rulesDigest?: string;
  bind: boolean;
};
export type DeptMoveOp = DeptOpBase & {
  kind: "dept_move";
  remoteId: string;
  parent: DeptRef;
  fields: DeptFields;
  contentHash: string;
  /** rulesDigest() of the run's rules, kept with the binding. */
  rulesDigest?: string;
  bind: boolean;
};
export type DeptDeleteOp = DeptOpBase & { kind: "dept_delete"; remoteId: string };
/** Refused (too deep, bad name, name taken by a sibling) or a delete that cannot happen (not empty). */
export type DeptBlockedOp = DeptOpBase & { kind: "dept_blocked" };

export type UserFields = Record<string, string | null>;

type UserOpBase = OpBase & {
  objectType: "user";
  /** Cut values and other notes that did not stop the op. */
  warnings: MappingProblem[];
};

type UserWriteBase = UserOpBase & {
  /** Every mapped field (null = leave empty), for creates and re-creates. */
  fields: UserFields;
  departments: DeptRef[];
  contentHash: string;
  /** rulesDigest() of the run's rules, kept with the binding. */
  rulesDigest?: string;
  /** The mapping identifier and its value, checked before binding to an existing user. */
  identifier: { field: string; value: string | null };
  /** The enabled fallbacks in order, with this account's values: a clash on create is bound only when one agrees. */
  fallbacks?: { field: MatchFallback; value: string | null }[];
  /** Fields written only when the console creates the user (apply on create): an update or a link leaves them. */
  createOnly?: string[];
};

/** A DingTalk user that holds a value an account would take, as the snapshot knows it (for words). */
export type ClashHolder = { userid: string; name: string | null; departments: string | null };

export type UserCreateOp = UserWriteBase & {
  kind: "user_create";
  userid: string;
  /** Users under the target node that already hold this account's userid, mobile or e-mail. */
  holders?: Partial<Record<"userid" | "mobile" | "email", ClashHolder>>;
};
export type UserUpdateOp = UserWriteBase & { kind: "user_update"; remoteId: string };
/** An unbound account matched to an existing DingTalk user: bind, then update the diff. */
export type UserBindOp = UserWriteBase & {
  kind: "user_bind";
  remoteId: string;
  /** The DingTalk user as it is now (name, departments), shown beside the account in the review. */
  existing?: ClashHolder;
};
export type UserDeleteOp = UserOpBase & { kind: "user_delete"; remoteId: string };
export type UserInvalidOp = UserOpBase & { kind: "user_invalid"; problems: MappingProblem[] };

export type DeptOp = DeptCreateOp | DeptUpdateOp | DeptMoveOp | DeptDeleteOp | DeptBlockedOp;
export type UserOp = UserCreateOp | UserUpdateOp | UserBindOp | UserDeleteOp | UserInvalidOp;
export type PlanOp = DeptOp | UserOp;
export type PlanOpKind = PlanOp["kind"];

export type PlanHold = { reason: Reason; deletes: number; bound: number };

export type Plan = {
  ops: PlanOp[];
  counts: Record<PlanOpKind, number>;
  /** Set when deletes exceed the threshold: apply skips every delete until an administrator confirms. */
  held?: PlanHold;
};

export type SyncAction = "create" | "update" | "move" | "delete" | "bind" | "noop";
export type SyncRecordStatus = "succeeded" | "failed" | "skipped" | "planned";

export type SyncRecordInput = {
  objectType: ObjectType;
  localId: string | null;
  remoteId: string | null;
  displayName: string;
  action: SyncAction;
  status: SyncRecordStatus;
  reason: Reason;
  errcode: number | null;
  errorMessage: string | null;
  diff: FieldDiff[];
};
