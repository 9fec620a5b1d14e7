-- CreateTable
CREATE TABLE "Admin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "linkedAccountId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastSignInAt" DATETIME,
    CONSTRAINT "Admin_linkedAccountId_fkey" FOREIGN KEY ("linkedAccountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrganizationalUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "externalId" TEXT,
    "description" TEXT,
    "parentId" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganizationalUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrganizationalUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Membership" (
    "accountId" TEXT NOT NULL,
    "ouId" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountId", "ouId"),
    CONSTRAINT "Membership_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_ouId_fkey" FOREIGN KEY ("ouId") REFERENCES "OrganizationalUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomFieldDefinition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'text',
    "options" TEXT NOT NULL DEFAULT '[]',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IdentityProvider" (
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
    "deleteThresholdPercent" INTEGER NOT NULL DEFAULT 20,
    "deleteThresholdCount" INTEGER NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FieldMappingRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "targetField" TEXT NOT NULL,
    "targetDisplayName" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'field',
    "source" TEXT NOT NULL DEFAULT '',
    "isMappingIdentifier" BOOLEAN NOT NULL DEFAULT false,
    "isCustom" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FieldMappingRule_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Binding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "contentHash" TEXT,
    "lastSyncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Binding_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SyncRun_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SyncRecord_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Admin" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
CREATE INDEX "OutboxEvent_processedAt_id_idx" ON "OutboxEvent"("processedAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

