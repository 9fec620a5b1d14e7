-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN "deprovisionPolicy" TEXT NOT NULL DEFAULT 'delete';
ALTER TABLE "IdentityProvider" ADD COLUMN "deprovisionDeptId" INTEGER;
