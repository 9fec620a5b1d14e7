-- In-app SSO can be turned off per IdP; on for every existing IdP, as it was before the switch.
-- AlterTable (an added column with a constant default: no table rebuild needed)
ALTER TABLE "IdentityProvider" ADD COLUMN "inAppSso" BOOLEAN NOT NULL DEFAULT true;
