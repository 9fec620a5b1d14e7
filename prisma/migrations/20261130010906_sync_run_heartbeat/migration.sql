-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN "heartbeatAt" DATETIME;

