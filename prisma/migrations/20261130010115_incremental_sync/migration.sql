-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_IdentityProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL DEFAULT 'dingtalk',
    "direction" TEXT NOT NULL DEFAULT 'outbound',
    "displayName" TEXT NOT NULL,
    "corpId" TEXT NOT NULL,
    "appKey" TEXT NOT NULL,
    "appSecretEncrypted" TEXT NOT NULL,
    "edition" TEXT NOT NULL DEFAULT 'public',
    "apiBaseUrl" TEXT NOT NULL DEFAULT 'https://oapi.dingtalk.com',
    "v1BaseUrl" TEXT NOT NULL DEFAULT 'https://api.dingtalk.com',
    "loginBaseUrl" TEXT NOT NULL DEFAULT 'https://login.dingtalk.com',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "wizardStep" INTEGER NOT NULL DEFAULT 1,
    "permissionsCheckedAt" DATETIME,
    "sourceOuIds" TEXT NOT NULL DEFAULT '[]',
    "targetDeptId" INTEGER NOT NULL DEFAULT 1,
    "incrementalSync" BOOLEAN NOT NULL DEFAULT false,
    "qrLogin" BOOLEAN NOT NULL DEFAULT false,
    "lastFullSyncAt" DATETIME,
    "outboxCursor" INTEGER NOT NULL DEFAULT 0,
    "workerLeaseOwner" TEXT,
    "workerLeaseUntil" DATETIME,
    "incrementalFailures" INTEGER NOT NULL DEFAULT 0,
    "incrementalRetryAt" DATETIME,
    "incrementalError" TEXT,
    "deleteThresholdPercent" INTEGER NOT NULL DEFAULT 20,
    "deleteThresholdCount" INTEGER NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_IdentityProvider" ("apiBaseUrl", "appKey", "appSecretEncrypted", "corpId", "createdAt", "deleteThresholdCount", "deleteThresholdPercent", "direction", "displayName", "edition", "id", "incrementalSync", "lastFullSyncAt", "loginBaseUrl", "permissionsCheckedAt", "qrLogin", "sourceOuIds", "status", "targetDeptId", "type", "updatedAt", "v1BaseUrl", "wizardStep") SELECT "apiBaseUrl", "appKey", "appSecretEncrypted", "corpId", "createdAt", "deleteThresholdCount", "deleteThresholdPercent", "direction", "displayName", "edition", "id", "incrementalSync", "lastFullSyncAt", "loginBaseUrl", "permissionsCheckedAt", "qrLogin", "sourceOuIds", "status", "targetDeptId", "type", "updatedAt", "v1BaseUrl", "wizardStep" FROM "IdentityProvider";
DROP TABLE "IdentityProvider";
ALTER TABLE "new_IdentityProvider" RENAME TO "IdentityProvider";
CREATE UNIQUE INDEX "IdentityProvider_corpId_key" ON "IdentityProvider"("corpId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

