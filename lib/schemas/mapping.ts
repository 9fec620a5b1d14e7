import { z } from "zod";
import {
  APPLY_ON,
  SCOPE_FILTER_MAX_LENGTH,
  identifierFieldOf,
  MAPPING_KINDS,
  MAPPING_OBJECT_TYPES,
  type MappingRule,
} from "@/lib/mapping";
import { MATCH_FALLBACKS } from "@/lib/sync/matching";

// The Configure Field Mapping input, shared by the editor (browser) and the save action (server).
// Shape only: what the rules mean is checked by lib/mapping's checkRules, on both sides.

export const ZMappingRuleSchema = z.object({
  objectType: z.enum(MAPPING_OBJECT_TYPES),
  targetField: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "mappingErrors.fieldId" }),
  // Blank means "no label of its own": the field is labelled from the catalogue in the reader's language.
  targetDisplayName: z
    .string()
    .trim()
    .max(64, { message: "validation.tooLong" })
    .nullable()
    .transform((label) => label || null),
  kind: z.enum(MAPPING_KINDS),
  source: z.string().max(4096, { message: "validation.tooLong" }),
  isMappingIdentifier: z.boolean(),
  isCustom: z.boolean(),
  applyOn: z.enum(APPLY_ON).optional(),
});
// The schema's output is the one MappingRule type, both ways.
const sameRule: [MappingRule, z.output<typeof ZMappingRuleSchema>] = [
  {} as z.output<typeof ZMappingRuleSchema>,
  {} as MappingRule,
];
void sameRule;

export const ZMappingRulesSchema = z.array(ZMappingRuleSchema).min(1).max(100, { message: "validation.tooMany" });

/** Matching precedence after the identifier: the enabled fallbacks, in order, each once. */
export const ZMatchFallbacksSchema = z
  .array(z.enum(MATCH_FALLBACKS))
  .max(MATCH_FALLBACKS.length)
  .refine((list) => new Set(list).size === list.length, { message: "idpValidation.matchFallbacks" });

export const ZSaveMappingSchema = z
  .object({
    id: z.string().min(1).max(64),
    rules: ZMappingRulesSchema,
    /** Left out: the stored fallbacks stay as they are. */
    matchFallbacks: ZMatchFallbacksSchema.optional(),
    /** The scoping filter (empty or null: none); left out, the stored one stays. Checked on the server like a rule. */
    scopeFilter: z.string().max(SCOPE_FILTER_MAX_LENGTH, { message: "validation.tooLong" }).nullish(),
    /** sync: finish the wizard and start a full sync; save: finish without sync; update: the Configure Field Mapping screen. */
    mode: z.enum(["sync", "save", "update"]),
  })
  .superRefine((input, ctx) => {
    // The identifier already matches first: its own field cannot be a fallback as well.
    if (input.matchFallbacks?.some((f) => f === identifierFieldOf(input.rules)))
      ctx.addIssue({ code: "custom", path: ["matchFallbacks"], message: "idpValidation.matchFallbacks" });
  });
export type TSaveMappingInput = z.input<typeof ZSaveMappingSchema>;
