// The deprovisioning policy per IdP, as stored (IdentityProvider.deprovisionPolicy and
// deprovisionDeptId) and as planning takes it (PlanInput.deprovision).
import type { DeprovisionPolicy } from "./types";

export const DEPROVISION_POLICIES = ["delete", "move", "unbind"] as const;
export type DeprovisionPolicyName = (typeof DEPROVISION_POLICIES)[number];

/** The stored columns as a policy; anything unknown, or "move" without a department, deletes (today's behaviour). */
export function readDeprovisionPolicy(
  policy: string | null | undefined,
  deptId: number | null | undefined,
): DeprovisionPolicy {
  if (policy === "unbind") return { policy: "unbind" };
  if (policy === "move" && typeof deptId === "number" && Number.isInteger(deptId) && deptId > 0)
    return { policy: "move", deptId };
  return { policy: "delete" };
}
