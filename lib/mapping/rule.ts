// The mapping rule: what the editor edits, the database stores and the sync compiles.
export * from "./fields";

export const MAPPING_OBJECT_TYPES = ["user", "organization"] as const;
export const MAPPING_KINDS = ["field", "expression", "disabled"] as const;
/** When a user rule writes: on every write (always), or only when the console creates the DingTalk user. */
export const APPLY_ON = ["always", "create"] as const;
export type ApplyOn = (typeof APPLY_ON)[number];

export type MappingObjectType = (typeof MAPPING_OBJECT_TYPES)[number];
export type MappingRuleKind = (typeof MAPPING_KINDS)[number];

export type MappingRule = {
  objectType: MappingObjectType;
  /** The DingTalk field key (wire name): name, mobile, email, title, job_number, work_place, userid, ... */
  targetField: string;
  /**
   * The administrator's own label for an added field, kept as typed; null for a
   * field of the catalogue, which is labelled at render in the reader's language.
   */
  targetDisplayName: string | null;
  kind: MappingRuleKind;
  /** A field path ("idpUser.email") for kind field, an expression for kind expression. */
  source: string;
  /** Users only: the rule whose value matches existing DingTalk users (exactly one). */
  isMappingIdentifier: boolean;
  /** Added with "Add field" (removable), not one of the defaults. */
  isCustom: boolean;
  /**
   * "create": the value is written only when the console creates the DingTalk user (an initial title
   * or work place that DingTalk's administrators may then edit); updates and links leave it alone.
   * Absent means "always".
   */
  applyOn?: ApplyOn;
};

/** What the sync writes when the rules say nothing about a field DingTalk requires. */
export const REQUIRED_USER_DEFAULTS: Readonly<Record<string, string>> = {
  userid: "idpUser.username",
  name: "idpUser.displayName",
};

type RuleOptions = Partial<Omit<MappingRule, "objectType" | "targetField" | "source">>;

/** A user rule; a field rule unless `kind` says otherwise. */
export function userRule(targetField: string, source: string, options: RuleOptions = {}): MappingRule {
  return {
    objectType: "user",
    targetField,
    targetDisplayName: null,
    kind: "field",
    source,
    isMappingIdentifier: false,
    isCustom: false,
    ...options,
  };
}

/** An organization (DingTalk department) rule; a field rule unless `kind` says otherwise. */
export function organizationRule(targetField: string, source: string, options: RuleOptions = {}): MappingRule {
  return { ...userRule(targetField, source, options), objectType: "organization", isMappingIdentifier: false };
}

/**
 * The rules a new IdP starts with (the wizard's step 4): userid, Name, Mobile,
 * Email, Title and Job number for users, Name for organizations; the mapping
 * identifier is the userid.
 */
export function defaultMappingRules(): MappingRule[] {
  return [
    userRule("userid", "idpUser.username", { isMappingIdentifier: true }),
    userRule("name", "idpUser.displayName"),
    userRule("mobile", "idpUser.phoneNumber"),
    userRule("email", "idpUser.email"),
    userRule("title", "idpUser.jobTitle"),
    userRule("job_number", "idpUser.employeeNumber"),
    organizationRule("name", "idpOrganizationalUnit.organizationalUnitName"),
  ];
}

/** The DingTalk field the rules name as the mapping identifier (the userid when none does). */
export function identifierFieldOf(
  rules: readonly Pick<MappingRule, "objectType" | "targetField" | "isMappingIdentifier">[],
): string {
  return rules.find((r) => r.objectType === "user" && r.isMappingIdentifier)?.targetField ?? "userid";
}
