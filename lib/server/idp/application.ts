import { randomUUID } from "node:crypto";
import { createDingTalkClient, DINGTALK_DEFAULTS } from "@/lib/dingtalk";
import type { TApplication } from "@/lib/schemas/idp";
import { AppError, fieldErrorsFor } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { openSecret, sealSecret } from "../secrets";
import { defaultMappingRules } from "@/lib/mapping";
import { credentialFields, dingTalkAppError } from "./dingtalk-errors";

type SaveApplicationOptions = { db: Db; actor: AuditActor; input: TApplication };

function endpoints(input: TApplication) {
  if (input.edition === "public") {
    return {
      apiBaseUrl: DINGTALK_DEFAULTS.baseUrl,
      v1BaseUrl: DINGTALK_DEFAULTS.v1BaseUrl,
      loginBaseUrl: DINGTALK_DEFAULTS.loginBaseUrl,
    };
  }
  return { apiBaseUrl: input.apiBaseUrl, v1BaseUrl: input.v1BaseUrl, loginBaseUrl: input.loginBaseUrl };
}

const SECRET_REENTRY = { code: "errors.appSecretReentry" } as const;

type Endpoints = { edition: string } & ReturnType<typeof endpoints>;

/** Whether a save would point the IdP's stored AppSecret at another edition or base URL. */
function endpointsChanged(stored: Endpoints, next: Endpoints): boolean {
  return (["edition", "apiBaseUrl", "v1BaseUrl", "loginBaseUrl"] as const).some((key) => stored[key] !== next[key]);
}

/** Fetches a token with the submitted credentials: the proof that AppKey and AppSecret belong together. */
export async function verifyCredentials(
  input: { corpId: string; appKey: string; appSecret: string; edition: string } & ReturnType<typeof endpoints>,
) {
  try {
    const client = createDingTalkClient({
      corpId: input.corpId,
      appKey: input.appKey,
      appSecret: input.appSecret,
      baseUrl: input.apiBaseUrl,
      v1BaseUrl: input.v1BaseUrl,
      loginBaseUrl: input.loginBaseUrl,
      retries: 1,
      timeoutMs: 8000,
    });
    await client.getAccessToken();
  } catch (err) {
    throw dingTalkAppError(err, credentialFields(err, input.edition === "private"));
  }
}

/** The id step 1 reserved (its home page URL was shown before the save), unless an IdP holds it already. */
async function newIdpId(db: Db, reserved: string | undefined): Promise<string> {
  if (!reserved) return randomUUID();
  const holder = await db.identityProvider.findUnique({ where: { id: reserved }, select: { id: true } });
  return holder ? randomUUID() : reserved;
}

/** Wizard step 1 (and Modify > basic settings): checks with DingTalk, then creates or updates the IdP. */
export async function saveApplication({ db, actor, input }: SaveApplicationOptions): Promise<{ id: string }> {
  const existing = input.id ? await db.identityProvider.findUnique({ where: { id: input.id } }) : null;
  if (input.id && !existing) throw new AppError({ code: "errors.idpNotFound" });
  const clash = await db.identityProvider.findFirst({
    where: { corpId: input.corpId, ...(existing ? { NOT: { id: existing.id } } : {}) },
    select: { id: true },
  });
  if (clash)
    throw new AppError({ code: "errors.corpIdTaken" }, fieldErrorsFor(["corpId"], { code: "errors.corpIdTaken" }));

  const urls = endpoints(input);
  // The stored AppSecret is only ever sent to the endpoints it was entered for (issue 14): a new
  // endpoint or edition needs the AppSecret typed again, refused here before any request is made.
  if (existing && !input.appSecret && endpointsChanged(existing, { edition: input.edition, ...urls }))
    throw new AppError(SECRET_REENTRY, fieldErrorsFor(["appSecret"], SECRET_REENTRY));
  const appSecret = input.appSecret || (existing ? openSecret(existing.appSecretEncrypted, existing.id) : "");
  await verifyCredentials({ ...input, ...urls, appSecret });

  const id = existing?.id ?? (await newIdpId(db, input.newId));
  const data = {
    displayName: input.displayName,
    corpId: input.corpId,
    appKey: input.appKey,
    edition: input.edition,
    ...urls,
  };
  const appSecretEncrypted = input.appSecret ? sealSecret(input.appSecret, id) : undefined;
  await db.$transaction(async (tx) => {
    if (existing) {
      await tx.identityProvider.update({
        where: { id },
        data: {
          ...data,
          ...(appSecretEncrypted ? { appSecretEncrypted } : {}),
          wizardStep: existing.status === "draft" ? Math.max(existing.wizardStep, 2) : existing.wizardStep,
        },
      });
    } else {
      await tx.identityProvider.create({
        data: {
          id,
          ...data,
          appSecretEncrypted: appSecretEncrypted!,
          status: "draft",
          wizardStep: 2,
          mappingRules: { create: defaultMappingRules().map((rule, position) => ({ ...rule, position })) },
        },
      });
    }
    await writeAudit(tx, {
      actor,
      action: existing ? "idp.update" : "idp.create",
      targetType: "idp",
      targetId: id,
      details: { ...data, appSecretChanged: Boolean(input.appSecret) },
    });
  });
  return { id };
}

/** Modify > rotate AppSecret: the new secret must fetch a token before it replaces the old one. */
export async function rotateAppSecret({
  db,
  actor,
  id,
  appSecret,
}: {
  db: Db;
  actor: AuditActor;
  id: string;
  appSecret: string;
}) {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  await verifyCredentials({ ...idp, appSecret });
  await db.$transaction(async (tx) => {
    await tx.identityProvider.update({ where: { id }, data: { appSecretEncrypted: sealSecret(appSecret, id) } });
    await writeAudit(tx, {
      actor,
      action: "idp.rotate_secret",
      targetType: "idp",
      targetId: id,
      details: { appSecretChanged: true },
    });
  });
}
