import { z } from "zod";

// DingTalk refuses "-" and "," in department names; refuse them here already.
export const ZOuNameSchema = z
  .string()
  .trim()
  .min(1, { message: "validation.required" })
  .max(64, { message: "validation.tooLong" })
  .refine((v) => !/[-,，]/.test(v), { message: "validation.ouNameChars" });

export const ZCreateOuSchema = z.object({
  name: ZOuNameSchema,
  parentId: z.string().min(1).nullable(),
  externalId: z
    .string()
    .trim()
    .max(128)
    .optional()
    .transform((v) => v || null),
  description: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
});
export type TCreateOuInput = z.input<typeof ZCreateOuSchema>;

export const ZUpdateOuSchema = z.object({
  id: z.string().min(1),
  name: ZOuNameSchema,
  externalId: z
    .string()
    .trim()
    .max(128)
    .optional()
    .transform((v) => v || null),
  description: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
});
export type TUpdateOuInput = z.input<typeof ZUpdateOuSchema>;

export const ZMoveOuSchema = z.object({ id: z.string().min(1), parentId: z.string().min(1) });
export const ZReorderOuSchema = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) });
export const ZDeleteOuSchema = z.object({ id: z.string().min(1), moveMembersToParent: z.boolean().default(false) });
