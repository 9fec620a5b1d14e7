-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileSchedule" TEXT NOT NULL DEFAULT 'daily';
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileEveryHours" INTEGER NOT NULL DEFAULT 24;
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileAt" TEXT NOT NULL DEFAULT '03:00';
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileNextAt" DATETIME;
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileLeaseOwner" TEXT;
ALTER TABLE "IdentityProvider" ADD COLUMN "reconcileLeaseUntil" DATETIME;
ALTER TABLE "IdentityProvider" ADD COLUMN "driftPolicy" TEXT NOT NULL DEFAULT 'report';

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "triggeredBy" TEXT,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "readCalls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "repairRunId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "Reconciliation_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DriftItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reconciliationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT,
    "remoteId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "diff" TEXT NOT NULL DEFAULT '[]',
    "directoryChanged" BOOLEAN NOT NULL DEFAULT false,
    "repairRunId" TEXT,
    CONSTRAINT "DriftItem_reconciliationId_fkey" FOREIGN KEY ("reconciliationId") REFERENCES "Reconciliation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Reconciliation_idpId_startedAt_idx" ON "Reconciliation"("idpId", "startedAt");

-- CreateIndex
CREATE INDEX "DriftItem_reconciliationId_kind_idx" ON "DriftItem"("reconciliationId", "kind");
