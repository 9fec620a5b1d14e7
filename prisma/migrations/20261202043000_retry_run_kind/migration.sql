-- A retry of failed objects is its own run kind. Earlier versions stored it as kind 'full'
-- with trigger 'retry' (the only way a full run got that trigger), so those rows are retries.
UPDATE "SyncRun" SET "kind" = 'retry' WHERE "kind" = 'full' AND "trigger" = 'retry';
