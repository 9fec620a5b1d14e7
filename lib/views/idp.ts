// Identity-provider shapes the server hands to pages.
import type { PermissionProbe } from "@/lib/dingtalk/probe-permissions";
import type { ObjectType } from "@/lib/sync/types";

/** IdentityProvider.status. `needs_attention`: a run found trouble only a person can fix. */
export const IDP_STATUSES = ["draft", "enabled", "disabled", "needs_attention"] as const;
export type IdpStatus = (typeof IDP_STATUSES)[number];

/** Wizard step 2: what DingTalk says the app may do. */
export type PermissionCheck = {
  isPassed: boolean;
  allEmployees: boolean;
  authedDept: number[];
  permissions: PermissionProbe[];
  missing: string[];
};

/** An object whose last write to DingTalk failed (SyncFailure), dates as ISO strings. */
export type SyncFailureView = {
  id: string;
  objectType: ObjectType;
  /** The account or OU id: for the conflict queue's actions and "Edit the account", never shown as text. */
  localId: string;
  /** An administrator's link not written yet: the DingTalk userid the account is linked to. */
  linkedTo: string | null;
  displayName: string;
  errcode: number | null;
  /** A Reason as JSON: read it with readReason (lib/sync/reasons.ts). */
  reason: string | null;
  runId: string;
  attempts: number;
  nextRetryAt: string | null;
  lastFailedAt: string;
};

/** An account an administrator skipped in the conflict queue or the review: left out of every run until un-skipped. */
export type SkippedAccountView = {
  localId: string;
  displayName: string;
  username: string | null;
  decidedBy: string;
  decidedAt: string;
};
