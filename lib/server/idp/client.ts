import { createDingTalkClient, type DingTalkClient } from "@/lib/dingtalk";
import { processGateFor } from "../dingtalk-gate";
import type { Db } from "../prisma-client";
import { openSecret } from "../secrets";

export type IdpConnection = {
  id: string;
  corpId: string;
  appKey: string;
  appSecretEncrypted: string;
  apiBaseUrl: string;
  v1BaseUrl: string;
  loginBaseUrl: string;
  updatedAt: Date;
};

// One client per IdP and settings version, so its token cache and rate limiter
// are shared by every run and request of this process (DingTalk counts per app).
// On PostgreSQL (or SQLite with DINGTALK_SHARED_QPS=true) the rate is kept by every
// process together, through the database (lib/server/dingtalk-gate.ts).
const clients = new Map<string, { version: number; shared: boolean; client: DingTalkClient; dry: DingTalkClient }>();

export function idpClient(idp: IdpConnection, { dryRun = false }: { dryRun?: boolean } = {}): DingTalkClient {
  const version = idp.updatedAt.getTime();
  const gateFor = processGateFor();
  let entry = clients.get(idp.id);
  if (!entry || entry.version !== version || entry.shared !== Boolean(gateFor)) {
    const config = {
      corpId: idp.corpId,
      appKey: idp.appKey,
      appSecret: openSecret(idp.appSecretEncrypted, idp.id),
      baseUrl: idp.apiBaseUrl,
      v1BaseUrl: idp.v1BaseUrl,
      loginBaseUrl: idp.loginBaseUrl,
      qps: Number(process.env.DINGTALK_QPS ?? 20),
      gateFor,
      // Tunable for fault tests and benchmarks; production keeps the client's defaults.
      ...(process.env.DINGTALK_TIMEOUT_MS ? { timeoutMs: Number(process.env.DINGTALK_TIMEOUT_MS) } : {}),
      ...(process.env.DINGTALK_RETRY_MIN_MS
        ? {
            retryMinDelayMs: Number(process.env.DINGTALK_RETRY_MIN_MS),
            retryMaxDelayMs: Number(process.env.DINGTALK_RETRY_MIN_MS) * 8,
          }
        : {}),
    };
    entry = {
      version,
      shared: Boolean(gateFor),
      client: createDingTalkClient(config),
      dry: createDingTalkClient({ ...config, dryRun: true }),
    };
    clients.set(idp.id, entry);
  }
  return dryRun ? entry.dry : entry.client;
}

export async function loadIdpClient(db: Db, idpId: string, options?: { dryRun?: boolean }): Promise<DingTalkClient> {
  return idpClient(await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } }), options);
}
