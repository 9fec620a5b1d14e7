-- CreateTable
CREATE TABLE "Admin" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "linkedAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "Admin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "phoneNumber" TEXT,
    "phoneRegion" TEXT DEFAULT '86',
    "employeeNumber" TEXT,
    "jobTitle" TEXT,
    "externalId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'enabled',
    "description" TEXT,
    "customFields" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationalUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "externalId" TEXT,
    "description" TEXT,
    "parentId" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationalUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "accountId" TEXT NOT NULL,
    "ouId" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("accountId","ouId")
);

-- CreateTable
CREATE TABLE "CustomFieldDefinition" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'text',
    "options" TEXT NOT NULL DEFAULT '[]',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomFieldDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityProvider" (
    "id" TEXT NOT NULL,
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
    "permissionsCheckedAt" TIMESTAMP(3),
    "sourceOuIds" TEXT NOT NULL DEFAULT '[]',
    "targetDeptId" INTEGER NOT NULL DEFAULT 1,
    "incrementalSync" BOOLEAN NOT NULL DEFAULT false,
    "qrLogin" BOOLEAN NOT NULL DEFAULT false,
    "inAppSso" BOOLEAN NOT NULL DEFAULT true,
    "lastFullSyncAt" TIMESTAMP(3),
    "outboxCursor" INTEGER NOT NULL DEFAULT 0,
    "workerLeaseOwner" TEXT,
    "workerLeaseUntil" TIMESTAMP(3),
    "incrementalFailures" INTEGER NOT NULL DEFAULT 0,
    "incrementalRetryAt" TIMESTAMP(3),
    "incrementalError" TEXT,
    "deleteThresholdPercent" INTEGER NOT NULL DEFAULT 20,
    "deleteThresholdCount" INTEGER NOT NULL DEFAULT 100,
    "matchFallbacks" TEXT NOT NULL DEFAULT '[]',
    "deprovisionPolicy" TEXT NOT NULL DEFAULT 'delete',
    "deprovisionDeptId" INTEGER,
    "reviewBeforeWriting" BOOLEAN NOT NULL DEFAULT true,
    "scopeFilter" TEXT,
    "reconcileSchedule" TEXT NOT NULL DEFAULT 'daily',
    "reconcileEveryHours" INTEGER NOT NULL DEFAULT 24,
    "reconcileAt" TEXT NOT NULL DEFAULT '03:00',
    "reconcileNextAt" TIMESTAMP(3),
    "reconcileLeaseOwner" TEXT,
    "reconcileLeaseUntil" TIMESTAMP(3),
    "driftPolicy" TEXT NOT NULL DEFAULT 'report',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdentityProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldMappingRule" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "targetField" TEXT NOT NULL,
    "targetDisplayName" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'field',
    "source" TEXT NOT NULL DEFAULT '',
    "isMappingIdentifier" BOOLEAN NOT NULL DEFAULT false,
    "isCustom" BOOLEAN NOT NULL DEFAULT false,
    "applyOn" TEXT NOT NULL DEFAULT 'always',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FieldMappingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Binding" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "contentHash" TEXT,
    "rulesDigest" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Binding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "triggeredBy" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRecord" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT,
    "remoteId" TEXT,
    "displayName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "errcode" INTEGER,
    "errorMessage" TEXT,
    "diff" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncFailure" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "errcode" INTEGER,
    "errorMessage" TEXT,
    "reason" TEXT,
    "runId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "nextRetryAt" TIMESTAMP(3),
    "firstFailedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFailedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" SERIAL NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncPlan" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ready',
    "inputDigest" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "needsReview" BOOLEAN NOT NULL,
    "firstSync" BOOLEAN NOT NULL,
    "outboxCursor" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedBy" TEXT,
    "appliedAt" TIMESTAMP(3),
    "runId" TEXT,

    CONSTRAINT "SyncPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncPlanItem" (
    "planId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "reviewGroup" TEXT NOT NULL,
    "op" TEXT NOT NULL,

    CONSTRAINT "SyncPlanItem_pkey" PRIMARY KEY ("planId","seq")
);

-- CreateTable
CREATE TABLE "MatchDecision" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "remoteId" TEXT,
    "decidedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSettings" (
    "idpId" TEXT NOT NULL,
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT NOT NULL DEFAULT 'bilingual',
    "robotUrlEncrypted" TEXT,
    "robotSecretEncrypted" TEXT,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecure" BOOLEAN NOT NULL DEFAULT false,
    "smtpUser" TEXT,
    "smtpPasswordEncrypted" TEXT,
    "mailFrom" TEXT,
    "mailTo" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSettings_pkey" PRIMARY KEY ("idpId")
);

-- CreateTable
CREATE TABLE "AlertWindow" (
    "idpId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "pendingSince" TIMESTAMP(3),
    "lastSentAt" TIMESTAMP(3),

    CONSTRAINT "AlertWindow_pkey" PRIMARY KEY ("idpId","kind")
);

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "triggeredBy" TEXT,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "readCalls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "repairRunId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Reconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriftItem" (
    "id" TEXT NOT NULL,
    "reconciliationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT,
    "remoteId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "diff" TEXT NOT NULL DEFAULT '[]',
    "directoryChanged" BOOLEAN NOT NULL DEFAULT false,
    "repairRunId" TEXT,

    CONSTRAINT "DriftItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignInLock" (
    "email" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInLock_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "UsedSsoState" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedSsoState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessHeartbeat" (
    "id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallSlot" (
    "key" TEXT NOT NULL,
    "nextAtMs" BIGINT NOT NULL,

    CONSTRAINT "CallSlot_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Admin_email_key" ON "Admin"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Admin_linkedAccountId_key" ON "Admin"("linkedAccountId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_createdAt_idx" ON "SignInAttempt"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Account_displayName_idx" ON "Account"("displayName");

-- CreateIndex
CREATE INDEX "Account_email_idx" ON "Account"("email");

-- CreateIndex
CREATE INDEX "Account_phoneNumber_idx" ON "Account"("phoneNumber");

-- CreateIndex
CREATE INDEX "Account_status_idx" ON "Account"("status");

-- CreateIndex
CREATE INDEX "OrganizationalUnit_parentId_order_idx" ON "OrganizationalUnit"("parentId", "order");

-- CreateIndex
CREATE INDEX "Membership_ouId_idx" ON "Membership"("ouId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProvider_corpId_key" ON "IdentityProvider"("corpId");

-- CreateIndex
CREATE INDEX "FieldMappingRule_idpId_objectType_position_idx" ON "FieldMappingRule"("idpId", "objectType", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FieldMappingRule_idpId_objectType_targetField_key" ON "FieldMappingRule"("idpId", "objectType", "targetField");

-- CreateIndex
CREATE UNIQUE INDEX "Binding_idpId_objectType_localId_key" ON "Binding"("idpId", "objectType", "localId");

-- CreateIndex
CREATE UNIQUE INDEX "Binding_idpId_objectType_remoteId_key" ON "Binding"("idpId", "objectType", "remoteId");

-- CreateIndex
CREATE INDEX "SyncRun_idpId_createdAt_idx" ON "SyncRun"("idpId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncRecord_runId_status_idx" ON "SyncRecord"("runId", "status");

-- CreateIndex
CREATE INDEX "SyncRecord_runId_objectType_idx" ON "SyncRecord"("runId", "objectType");

-- CreateIndex
CREATE INDEX "SyncFailure_idpId_nextRetryAt_idx" ON "SyncFailure"("idpId", "nextRetryAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncFailure_idpId_objectType_localId_key" ON "SyncFailure"("idpId", "objectType", "localId");

-- CreateIndex
CREATE INDEX "OutboxEvent_processedAt_id_idx" ON "OutboxEvent"("processedAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "SyncPlan_idpId_createdAt_idx" ON "SyncPlan"("idpId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncPlanItem_planId_reviewGroup_seq_idx" ON "SyncPlanItem"("planId", "reviewGroup", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "MatchDecision_idpId_localId_key" ON "MatchDecision"("idpId", "localId");

-- CreateIndex
CREATE INDEX "AlertWindow_windowEndsAt_idx" ON "AlertWindow"("windowEndsAt");

-- CreateIndex
CREATE INDEX "Reconciliation_idpId_startedAt_idx" ON "Reconciliation"("idpId", "startedAt");

-- CreateIndex
CREATE INDEX "DriftItem_reconciliationId_kind_idx" ON "DriftItem"("reconciliationId", "kind");

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "UsedSsoState_expiresAt_idx" ON "UsedSsoState"("expiresAt");

-- CreateIndex
CREATE INDEX "ProcessHeartbeat_role_beatAt_idx" ON "ProcessHeartbeat"("role", "beatAt");

-- AddForeignKey
ALTER TABLE "Admin" ADD CONSTRAINT "Admin_linkedAccountId_fkey" FOREIGN KEY ("linkedAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationalUnit" ADD CONSTRAINT "OrganizationalUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrganizationalUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_ouId_fkey" FOREIGN KEY ("ouId") REFERENCES "OrganizationalUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldMappingRule" ADD CONSTRAINT "FieldMappingRule_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Binding" ADD CONSTRAINT "Binding_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRecord" ADD CONSTRAINT "SyncRecord_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncFailure" ADD CONSTRAINT "SyncFailure_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Admin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncPlan" ADD CONSTRAINT "SyncPlan_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncPlanItem" ADD CONSTRAINT "SyncPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SyncPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertWindow" ADD CONSTRAINT "AlertWindow_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reconciliation" ADD CONSTRAINT "Reconciliation_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftItem" ADD CONSTRAINT "DriftItem_reconciliationId_fkey" FOREIGN KEY ("reconciliationId") REFERENCES "Reconciliation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

