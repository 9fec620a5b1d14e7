-- AlterTable
ALTER TABLE "FieldMappingRule" ADD COLUMN "applyOn" TEXT NOT NULL DEFAULT 'always';

-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN "scopeFilter" TEXT;
