-- CreateTable
CREATE TABLE "AlertSettings" (
    "idpId" TEXT NOT NULL PRIMARY KEY,
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
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertSettings_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertWindow" (
    "idpId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "windowEndsAt" DATETIME NOT NULL,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "pendingSince" DATETIME,
    "lastSentAt" DATETIME,

    PRIMARY KEY ("idpId", "kind"),
    CONSTRAINT "AlertWindow_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AlertWindow_windowEndsAt_idx" ON "AlertWindow"("windowEndsAt");

