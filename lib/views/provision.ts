// Provision on demand (issue 15): what pushing one account to DingTalk found and did, step by step,
// as the server hands it to the account's page. Codes and names only; the page puts them into words.
import type { Reason } from "@/lib/sync/reasons";
import type { RunError } from "@/lib/sync/run";
import type { ClashHolder, FieldDiff, ObjectType, PlanOpKind } from "@/lib/sync/types";
import type { DepartmentLabel } from "./runs";

/** Why an account is or is not in an IdP's scope. */
export type ProvisionScope =
  | { inScope: true; ouPath: string[] }
  | { inScope: false; why: "disabled" | "no_ou_in_scope" | "skipped" | "filtered_out" };

/** How the account is matched to a DingTalk user (or would be, were it written). */
export type ProvisionMatch =
  | { how: "binding"; userid: string }
  | { how: "identifier" | "fallback"; field: string; value: string | null; userid: string; name: string | null }
  | { how: "link"; userid: string; name: string | null }
  | { how: "none"; userid: string }
  /** A create DingTalk would refuse: another DingTalk user holds the userid, mobile or e-mail. */
  | { how: "clash"; holders: { field: "userid" | "mobile" | "email"; holder: ClashHolder }[] }
  /** Nothing is matched: the plan refuses the account (a mapping problem, an ambiguous identifier...). */
  | { how: "refused" };

/** One planned operation: a department the account needs, or the account's user. */
export type ProvisionOp = {
  kind: PlanOpKind;
  objectType: ObjectType;
  displayName: string;
  reason: Reason;
  diff: FieldDiff[];
};

/** What happened after the plan: the write started, or why nothing is written. */
export type ProvisionOutcome =
  | { kind: "writing"; runId: string }
  | { kind: "in_step" }
  | { kind: "not_written"; why: "out_of_scope" | "conflict" | "refused" | "deprovision" | "needs_review" }
  | { kind: "failed"; error: RunError };

export type ProvisionResult = {
  idpName: string;
  account: string;
  scope: ProvisionScope;
  match: ProvisionMatch | null;
  ops: ProvisionOp[];
  /** Labels for the department references in the ops' diffs. */
  departments: Record<string, DepartmentLabel>;
  outcome: ProvisionOutcome;
};

/** An IdP an account's page offers to push the account to. */
export type ProvisionTarget = { idpId: string; idpName: string; status: string; bound: boolean };
