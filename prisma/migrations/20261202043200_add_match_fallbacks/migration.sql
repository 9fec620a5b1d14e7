-- Matching precedence after the mapping identifier (ordered fallbacks: mobile, email, job_number); none by default.
-- AlterTable (an added column with a constant default: no table rebuild needed)
ALTER TABLE "IdentityProvider" ADD COLUMN "matchFallbacks" TEXT NOT NULL DEFAULT '[]';
