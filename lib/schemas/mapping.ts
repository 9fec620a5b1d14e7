import { z } from "zod";
import { MAPPING_KINDS, MAPPING_OBJECT_TYPES, type TMappingRule } from "./mapping-rules";

// The Configure Field Mapping contract, shared by the editor (browser) and the save action (server).
// The catalogue and the checks are in ./mapping-rules.ts (no zod: the editor bundles them).
export * from "./mapping-rules";

export const ZMappingRuleSchema = z.object({
  objectType: z.enum(MAPPING_OBJECT_TYPES),
  targetField: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "mappingErrors.fieldId" }),
  targetDisplayName: z.string().trim().min(1, { message: "validation.required" }).max(64, { message: "validation.tooLong" }),
  kind: z.enum(MAPPING_KINDS),
  source: z.string().max(4096, { message: "validation.tooLong" }),
  isMappingIdentifier: z.boolean(),
  isCustom: z.boolean(),
});
// The schema's output is the editor's rule type, both ways.
const sameRule: [TMappingRule, z.output<typeof ZMappingRuleSchema>] = [{} as z.output<typeof ZMappingRuleSchema>, {} as TMappingRule];
void sameRule;

export const ZMappingRulesSchema = z.array(ZMappingRuleSchema).min(1).max(100, { message: "validation.tooMany" });

export const ZSaveMappingSchema = z.object({
  id: z.string().min(1).max(64),
  rules: ZMappingRulesSchema,
  /** sync: finish the wizard and start a full sync; save: finish without sync; update: the Configure Field Mapping screen. */
  mode: z.enum(["sync", "save", "update"]),
});
export type TSaveMappingInput = z.input<typeof ZSaveMappingSchema>;
