import { z } from "zod";

export const ZTokenSchema = z
  .object({ access_token: z.string().min(1), expires_in: z.number().positive() })
  .transform((t) => ({ accessToken: t.access_token, expiresIn: t.expires_in }));

export const ZAuthScopesSchema = z
  .object({
    auth_org_scopes: z
      .object({ authed_dept: z.array(z.number()).default([]), authed_user: z.array(z.string()).default([]) })
      .default({ authed_dept: [], authed_user: [] }),
    auth_user_field: z.array(z.string()).default([]),
    condition_field: z.array(z.string()).default([]),
  })
  .transform((s) => ({
    authedDept: s.auth_org_scopes.authed_dept,
    authedUser: s.auth_org_scopes.authed_user,
    authUserField: s.auth_user_field,
    conditionField: s.condition_field,
  }));
export type DingTalkAuthScopes = z.output<typeof ZAuthScopesSchema>;

// v1.0 APIs already speak camelCase.
export const ZUserAccessTokenSchema = z.object({
  accessToken: z.string().min(1),
  expireIn: z.number(),
  refreshToken: z.string().optional(),
  corpId: z.string().optional(),
});
export type DingTalkUserAccessToken = z.output<typeof ZUserAccessTokenSchema>;

export const ZContactUserSchema = z.object({
  nick: z.string(),
  unionId: z.string(),
  openId: z.string().optional(),
  mobile: z.string().optional(),
  stateCode: z.string().optional(),
  email: z.string().optional(),
  avatarUrl: z.string().optional(),
});
export type DingTalkContactUser = z.output<typeof ZContactUserSchema>;
