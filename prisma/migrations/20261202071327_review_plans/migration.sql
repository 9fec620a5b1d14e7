-- CreateTable
CREATE TABLE "SyncPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ready',
    "inputDigest" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "needsReview" BOOLEAN NOT NULL,
    "firstSync" BOOLEAN NOT NULL,
    "outboxCursor" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedBy" TEXT,
    "appliedAt" DATETIME,
    "runId" TEXT,
    CONSTRAINT "SyncPlan_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncPlanItem" (
    "planId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "reviewGroup" TEXT NOT NULL,
    "op" TEXT NOT NULL,

    PRIMARY KEY ("planId", "seq"),
    CONSTRAINT "SyncPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SyncPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "remoteId" TEXT,
    "decidedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchDecision_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN "reviewBeforeWriting" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "SyncPlan_idpId_createdAt_idx" ON "SyncPlan"("idpId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncPlanItem_planId_reviewGroup_seq_idx" ON "SyncPlanItem"("planId", "reviewGroup", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "MatchDecision_idpId_localId_key" ON "MatchDecision"("idpId", "localId");

