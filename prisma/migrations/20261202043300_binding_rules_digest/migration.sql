-- AlterTable
ALTER TABLE "Binding" ADD COLUMN "rulesDigest" TEXT;
