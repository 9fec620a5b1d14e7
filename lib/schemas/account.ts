import { z } from "zod";

// Messages are translation keys under "validation"; the form and the server share them.
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;
export const ACCOUNT_STATUSES = ["enabled", "disabled"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.tooLong" })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const ZAccountSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, { message: "validation.required" })
      .max(64, { message: "validation.tooLong" })
      .regex(USERNAME_PATTERN, { message: "validation.usernameFormat" }),
    displayName: z
      .string()
      .trim()
      .min(1, { message: "validation.required" })
      .max(80, { message: "validation.tooLong" }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(100, { message: "validation.tooLong" })
      .refine((v) => v === "" || z.email().safeParse(v).success, { message: "validation.email" })
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    phoneRegion: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, { message: "validation.phoneRegion" })
      .default("86"),
    phoneNumber: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{4,15}$/.test(v), { message: "validation.phoneNumber" })
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    employeeNumber: optionalText(50),
    jobTitle: optionalText(1000),
    externalId: optionalText(128),
    status: z.enum(ACCOUNT_STATUSES).default("enabled"),
    description: optionalText(2000),
    ouIds: z.array(z.string().min(1)).max(100, { message: "validation.tooMany" }).default([]),
    primaryOuId: z
      .string()
      .nullable()
      .optional()
      .transform((v) => v || null),
    customFields: z.record(z.string(), z.string().max(1000, { message: "validation.tooLong" })).default({}),
  })
  .superRefine((value, ctx) => {
    if (value.ouIds.length > 0 && (!value.primaryOuId || !value.ouIds.includes(value.primaryOuId))) {
      ctx.addIssue({ code: "custom", path: ["primaryOuId"], message: "validation.primaryOu" });
    }
  });

export type TAccountInput = z.input<typeof ZAccountSchema>;
export type TAccount = z.output<typeof ZAccountSchema>;

export const ZUpdateAccountSchema = z.object({ id: z.string().min(1), account: ZAccountSchema });
export const ZAccountIdsSchema = z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) });
export const ZSetAccountsStatusSchema = z.object({
  ids: z.array(z.string().min(1)).min(1).max(1000),
  status: z.enum(ACCOUNT_STATUSES),
});

/** DingTalk's mobile form: "+86-13800000000" (the sync writes it so). */
export function toDingTalkMobile(region: string | null, number: string | null): string | null {
  if (!number) return null;
  return `+${region || "86"}-${number}`;
}
