import { z } from "zod";
import { DEPROVISION_POLICIES } from "@/lib/sync/deprovision";

// One schema per wizard step, shared by the form (zodResolver) and the server action.
const required = (max: number) =>
  z.string().trim().min(1, { message: "validation.required" }).max(max, { message: "validation.tooLong" });

const baseUrl = z.string().trim().max(200, { message: "validation.tooLong" });

export const DINGTALK_EDITIONS = ["public", "private"] as const;

export const ZApplicationSchema = z
  .object({
    /** The draft's id once step 1 has been saved. */
    id: z.string().max(64).optional(),
    /** The id a new IdP is created with: step 1 shows its home page URL before the first save. */
    newId: z.uuid().optional(),
    displayName: required(64),
    corpId: required(64).regex(/^[\w-]+$/, { message: "idpValidation.corpIdFormat" }),
    appKey: required(128).regex(/^[\w-]+$/, { message: "idpValidation.appKeyFormat" }),
    /** Empty on a saved draft means "keep the stored AppSecret". */
    appSecret: z.string().trim().max(256, { message: "validation.tooLong" }),
    edition: z.enum(DINGTALK_EDITIONS),
    apiBaseUrl: baseUrl,
    v1BaseUrl: baseUrl,
    loginBaseUrl: baseUrl,
  })
  .superRefine((v, ctx) => {
    if (!v.id && !v.appSecret) ctx.addIssue({ code: "custom", path: ["appSecret"], message: "validation.required" });
    if (v.edition !== "private") return;
    for (const key of ["apiBaseUrl", "v1BaseUrl", "loginBaseUrl"] as const) {
      if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(v[key]))
        ctx.addIssue({ code: "custom", path: [key], message: "idpValidation.baseUrl" });
    }
  });
export type TApplicationInput = z.input<typeof ZApplicationSchema>;
export type TApplication = z.output<typeof ZApplicationSchema>;

export const ZIdpIdSchema = z.object({ id: z.string().min(1).max(64) });

export const ZScenarioSchema = z
  .object({
    id: z.string().min(1).max(64),
    sourceOuIds: z
      .array(z.string().min(1).max(64))
      .min(1, { message: "idpValidation.sourceRequired" })
      .max(100, { message: "validation.tooMany" }),
    targetDeptId: z.coerce
      .number({ message: "idpValidation.deptId" })
      .int({ message: "idpValidation.deptId" })
      .min(1, { message: "idpValidation.deptId" })
      .max(Number.MAX_SAFE_INTEGER, { message: "idpValidation.deptId" }),
    incrementalSync: z.boolean(),
    qrLogin: z.boolean(),
    /** In-app SSO through the application home page; left out, it stays as it is. */
    inAppSso: z.boolean().optional(),
    /** Review before writing (lib/sync/review.ts); left out, it stays as it is. */
    reviewBeforeWriting: z.boolean().optional(),
    /** For an account deleted or out of scope (lib/sync/deprovision.ts); left out, the policy stays as it is. */
    deprovisionPolicy: z.enum(DEPROVISION_POLICIES).optional(),
    /** The holding department of "move": a DingTalk dept_id, checked to exist when saved. */
    deprovisionDeptId: z.coerce
      .number({ message: "idpValidation.deptId" })
      .int({ message: "idpValidation.deptId" })
      .min(1, { message: "idpValidation.deptId" })
      .max(Number.MAX_SAFE_INTEGER, { message: "idpValidation.deptId" })
      .nullish(),
  })
  .refine((s) => s.deprovisionPolicy !== "move" || typeof s.deprovisionDeptId === "number", {
    message: "idpValidation.holdingDeptRequired",
    path: ["deprovisionDeptId"],
  });
export type TScenarioInput = z.input<typeof ZScenarioSchema>;

export const ZRotateSecretSchema = z.object({
  id: z.string().min(1).max(64),
  appSecret: required(256),
});

export const ZSyncStartSchema = z.object({
  id: z.string().min(1).max(64),
  mode: z.enum(["full", "dry_run"]),
  confirmDeletes: z.boolean().optional(),
});

const id = z.string().min(1).max(64);

export const ZApplyPlanSchema = z.object({ planId: id, confirmDeletes: z.boolean().optional() });

/** An administrator's answer to a conflict: link the account to a DingTalk user, skip it, or take the answer back. */
export const ZDecideConflictSchema = z.discriminatedUnion("decision", [
  z.object({
    idpId: id,
    localId: id,
    decision: z.literal("link"),
    remoteId: z.string().trim().min(1).max(64),
    planId: id.optional(),
  }),
  z.object({ idpId: id, localId: id, decision: z.literal("skip"), planId: id.optional() }),
  z.object({ idpId: id, localId: id, decision: z.literal("clear"), planId: id.optional() }),
]);
export type TDecideConflictInput = z.output<typeof ZDecideConflictSchema>;

export const ZRunIdSchema = z.object({ runId: z.string().min(1).max(64) });

export const ZIdpStatusSchema = z.object({ id: z.string().min(1).max(64), enabled: z.boolean() });

/** The step a wizard draft resumes at; 5 means finished. */
export const WIZARD_STEPS = ["application", "permissions", "scenario", "mapping"] as const;
