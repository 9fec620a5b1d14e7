-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "SignInLock" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UsedSsoState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beatAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CallSlot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAtMs" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "UsedSsoState_expiresAt_idx" ON "UsedSsoState"("expiresAt");

-- CreateIndex
CREATE INDEX "ProcessHeartbeat_role_beatAt_idx" ON "ProcessHeartbeat"("role", "beatAt");

