-- CreateTable
CREATE TABLE "SyncFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "errcode" INTEGER,
    "errorMessage" TEXT,
    "reason" TEXT,
    "runId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "nextRetryAt" DATETIME,
    "firstFailedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFailedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SyncFailure_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SyncFailure_idpId_nextRetryAt_idx" ON "SyncFailure"("idpId", "nextRetryAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncFailure_idpId_objectType_localId_key" ON "SyncFailure"("idpId", "objectType", "localId");

