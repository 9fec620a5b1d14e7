import { randomUUID } from "node:crypto";
import { defaultMappingRules } from "@/lib/mapping";
import type { Db } from "../prisma-client";
import { sealSecret } from "../secrets";

type SandboxApp = { corpId: string; appKey: string; appSecret: string };

/** An enabled IdP bound to a sandbox app, with the default rules: for tests and benchmarks. */
export async function createSandboxIdp(
  db: Db,
  {
    sandboxUrl,
    app,
    sourceOuIds,
    deleteThresholdCount,
  }: { sandboxUrl: string; app: SandboxApp; sourceOuIds: string[]; deleteThresholdCount?: number },
): Promise<string> {
  const id = randomUUID();
  await db.identityProvider.create({
    data: {
      id,
      displayName: `Sandbox ${app.corpId}`,
      corpId: app.corpId,
      appKey: app.appKey,
      appSecretEncrypted: sealSecret(app.appSecret, id),
      edition: "private",
      apiBaseUrl: sandboxUrl,
      v1BaseUrl: sandboxUrl,
      loginBaseUrl: sandboxUrl,
      status: "enabled",
      wizardStep: 4,
      sourceOuIds: JSON.stringify(sourceOuIds),
      targetDeptId: 1,
      ...(deleteThresholdCount ? { deleteThresholdCount } : {}),
      mappingRules: { create: defaultMappingRules().map((r, position) => ({ ...r, position })) },
    },
  });
  return id;
}
