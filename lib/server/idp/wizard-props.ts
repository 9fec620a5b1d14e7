import { randomUUID } from "node:crypto";
import { loadConfig } from "../config";
import type { Db } from "../prisma-client";
import { homePageUrl, publicBaseUrl } from "../sso/urls";
import { getIdp, getRules, ouNames } from "./queries";
import { readDeprovisionPolicy } from "@/lib/sync/deprovision";

/**
 * Developer information for step 1: what DingTalk needs to know about this console. The QR
 * login's redirect_uri lives under the callback domain; both URLs come from lib/server/sso/urls
 * so what is shown here is what the routes serve. A new IdP's home page URL uses the id reserved
 * for it (sent back with the first save), so it can be pasted into DingTalk before that save.
 */
export function developerInfo(idpId: string, { isSaved }: { isSaved: boolean }) {
  const { egressIp } = loadConfig();
  return { callbackDomain: new URL(publicBaseUrl()).host, homePageUrl: homePageUrl(idpId), egressIp, isSaved };
}

/** In demo mode, the sandbox the "Use the DingTalk sandbox" button fills in. */
export function sandboxUrl(): string | null {
  return loadConfig().isDemoMode && process.env.DINGTALK_SANDBOX_URL ? process.env.DINGTALK_SANDBOX_URL : null;
}

export async function customFieldList(db: Db) {
  return db.customFieldDefinition.findMany({ select: { id: true, displayName: true }, orderBy: { position: "asc" } });
}

/** Everything the wizard needs to resume a draft (or start a new one when id is null). */
export async function wizardProps(db: Db, id: string | null) {
  const idp = id ? await getIdp(db, id) : null;
  const customFields = await customFieldList(db);
  if (!idp) {
    const reservedId = randomUUID();
    return {
      idp: null,
      id: null,
      step: 1,
      hasSecret: false,
      developerInfo: developerInfo(reservedId, { isSaved: false }),
      sandboxUrl: sandboxUrl(),
      customFields,
      rules: [],
      application: {
        newId: reservedId,
        displayName: "",
        corpId: "",
        appKey: "",
        appSecret: "",
        edition: "public" as const,
        apiBaseUrl: "",
        v1BaseUrl: "",
        loginBaseUrl: "",
      },
      scenario: {
        sourceOuIds: [],
        ouNames: {},
        targetDeptId: 1,
        incrementalSync: false,
        qrLogin: false,
        inAppSso: true,
        reviewBeforeWriting: true,
        deprovisionPolicy: "delete" as const,
        deprovisionDeptId: null,
      },
    };
  }
  return {
    idp,
    id: idp.id,
    step: idp.wizardStep,
    hasSecret: true,
    developerInfo: developerInfo(idp.id, { isSaved: true }),
    sandboxUrl: sandboxUrl(),
    customFields,
    rules: await getRules(db, idp.id),
    application: {
      id: idp.id,
      displayName: idp.displayName,
      corpId: idp.corpId,
      appKey: idp.appKey,
      appSecret: "",
      edition: idp.edition === "private" ? ("private" as const) : ("public" as const),
      apiBaseUrl: idp.edition === "private" ? idp.apiBaseUrl : "",
      v1BaseUrl: idp.edition === "private" ? idp.v1BaseUrl : "",
      loginBaseUrl: idp.edition === "private" ? idp.loginBaseUrl : "",
    },
    scenario: {
      sourceOuIds: idp.sourceOuIds,
      ouNames: await ouNames(db, idp.sourceOuIds),
      targetDeptId: idp.targetDeptId,
      incrementalSync: idp.incrementalSync,
      qrLogin: idp.qrLogin,
      inAppSso: idp.inAppSso,
      reviewBeforeWriting: idp.reviewBeforeWriting,
      deprovisionPolicy: readDeprovisionPolicy(idp.deprovisionPolicy, idp.deprovisionDeptId).policy,
      deprovisionDeptId: idp.deprovisionDeptId,
    },
  };
}
