// Which mapping rules a binding was written with, so that a change a rule edit caused says so.
import type { MappingRule } from "@/lib/mapping";
import { contentHash } from "./hash";
import type { BindingRecord, Reason } from "./types";

/**
 * A digest of what in the enabled rules decides the values written: each rule's object type,
 * field, kind, trimmed source and identifier flag, sorted. Labels, order and disabled rules do not count.
 */
export function rulesDigest(rules: readonly MappingRule[]): string {
  const enabled = rules
    .filter((r) => r.kind !== "disabled")
    .map((r) => ({
      objectType: r.objectType,
      targetField: r.targetField,
      kind: r.kind,
      source: r.source.trim(),
      identifier: r.isMappingIdentifier,
      // Only when set: digests of rules written before apply-on-create existed stay the same.
      ...(r.applyOn === "create" && { applyOn: "create" }),
    }))
    .sort((a, b) => `${a.objectType}:${a.targetField}`.localeCompare(`${b.objectType}:${b.targetField}`));
  return contentHash(enabled);
}

/**
 * Why a bound object whose DingTalk side differs is written: its content changed with a rule edit
 * (the binding was written with other rules), in the console, or not at all (DingTalk drifted).
 * A binding written before digests were kept (null) cannot tell a rule edit apart.
 */
export function updateReason(binding: BindingRecord, contentHash: string, digest: string | undefined): Reason {
  if (binding.contentHash === contentHash) return { code: "remote_drift" };
  const isRuleEdit = !!digest && !!binding.rulesDigest && binding.rulesDigest !== digest;
  return { code: isRuleEdit ? "mapping_changed" : "source_changed" };
}
