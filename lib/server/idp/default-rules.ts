import type { MappingRule } from "@/lib/sync";

export type RuleRow = MappingRule & { targetDisplayName: string; isCustom: boolean };

/** The wizard's working defaults (DESIGN.md step 4); the mapping identifier is the userid. */
export function defaultMappingRules(): RuleRow[] {
  const user = (targetField: string, targetDisplayName: string, source: string, isMappingIdentifier = false): RuleRow => ({
    objectType: "user", targetField, targetDisplayName, kind: "field", source, isMappingIdentifier, isCustom: false,
  });
  return [
    user("userid", "userid", "idpUser.username", true),
    user("name", "Name", "idpUser.displayName"),
    user("mobile", "Mobile", "idpUser.phoneNumber"),
    user("email", "Email", "idpUser.email"),
    user("title", "Title", "idpUser.jobTitle"),
    user("job_number", "Job number", "idpUser.employeeNumber"),
    { objectType: "organization", targetField: "name", targetDisplayName: "Name", kind: "field", source: "idpOrganizationalUnit.organizationalUnitName", isMappingIdentifier: false, isCustom: false },
  ];
}
