import { z } from "zod";
import type { FieldCode } from "@/lib/messages/codes";

export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "enum"] as const;

// The id becomes idpUser.customFields.<id> in expressions: identifier-like.
export const ZCustomFieldSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "validation.customFieldId" }),
    displayName: z
      .string()
      .trim()
      .min(1, { message: "validation.required" })
      .max(64, { message: "validation.tooLong" }),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    required: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.type === "enum" && v.options.length === 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "validation.enumOptions" });
  });
export type TCustomFieldInput = z.input<typeof ZCustomFieldSchema>;
export type TCustomField = z.output<typeof ZCustomFieldSchema>;

export type CustomFieldDefinition = {
  id: string;
  displayName: string;
  type: (typeof CUSTOM_FIELD_TYPES)[number];
  options: string[];
  required: boolean;
};

/** Checks values against their definitions; returns field -> field message code. */
export function validateCustomFieldValues(
  defs: CustomFieldDefinition[],
  values: Record<string, string>,
): Record<string, FieldCode> {
  const errors: Record<string, FieldCode> = {};
  for (const def of defs) {
    const value = (values[def.id] ?? "").trim();
    if (!value) {
      if (def.required) errors[def.id] = "validation.required";
      continue;
    }
    if (def.type === "number" && !/^-?\d+(\.\d+)?$/.test(value)) errors[def.id] = "validation.number";
    if (def.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[def.id] = "validation.date";
    if (def.type === "enum" && !def.options.includes(value)) errors[def.id] = "validation.enumValue";
  }
  for (const key of Object.keys(values))
    if (!defs.some((d) => d.id === key) && values[key] !== "") errors[key] = "validation.unknownField";
  return errors;
}
