-- A rule stores its DingTalk field key; only an added field keeps the label its administrator typed.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FieldMappingRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idpId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "targetField" TEXT NOT NULL,
    "targetDisplayName" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'field',
    "source" TEXT NOT NULL DEFAULT '',
    "isMappingIdentifier" BOOLEAN NOT NULL DEFAULT false,
    "isCustom" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FieldMappingRule_idpId_fkey" FOREIGN KEY ("idpId") REFERENCES "IdentityProvider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FieldMappingRule" ("createdAt", "id", "idpId", "isCustom", "isMappingIdentifier", "kind", "objectType", "position", "source", "targetDisplayName", "targetField", "updatedAt") SELECT "createdAt", "id", "idpId", "isCustom", "isMappingIdentifier", "kind", "objectType", "position", "source", "targetDisplayName", "targetField", "updatedAt" FROM "FieldMappingRule";
DROP TABLE "FieldMappingRule";
ALTER TABLE "new_FieldMappingRule" RENAME TO "FieldMappingRule";
CREATE INDEX "FieldMappingRule_idpId_objectType_position_idx" ON "FieldMappingRule"("idpId", "objectType", "position");
CREATE UNIQUE INDEX "FieldMappingRule_idpId_objectType_targetField_key" ON "FieldMappingRule"("idpId", "objectType", "targetField");
-- The defaults' English labels go: the console labels catalogue fields from the key, in the reader's language.
UPDATE "FieldMappingRule" SET "targetDisplayName" = NULL WHERE "isCustom" = false;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

