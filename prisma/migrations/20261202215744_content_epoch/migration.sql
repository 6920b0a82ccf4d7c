-- CreateTable
CREATE TABLE "ContentEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ContentEpoch_pkey" PRIMARY KEY ("id")
);

-- The single row every reader compares against (lib/page-cache/content-epoch.ts).
INSERT INTO "ContentEpoch" ("id", "value") VALUES (1, 0);

-- Any statement that changes published content bumps the epoch inside its own transaction, so the
-- new value becomes visible exactly when the content does. Drafts, sessions, accounts, the audit log
-- and settings are not content: changing them keeps every cached page. (The schema engine splits
-- scripts at semicolons, so the body's are written \x3b.)
CREATE FUNCTION demarc_bump_content_epoch() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "ContentEpoch" SET "value" = "value" + 1 WHERE "id" = 1\x3b RETURN NULL\x3b END';

CREATE TRIGGER "Provider_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Provider"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "Party_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Party"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "Service_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "AreaGroup_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AreaGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "ResponsibilityArea_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ResponsibilityArea"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "Layer_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Layer"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "Component_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Component"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "DeploymentModel_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DeploymentModel"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "DeploymentAssignment_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DeploymentAssignment"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "NarrativeSection_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NarrativeSection"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "ComplianceReference_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ComplianceReference"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "ContactChannel_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContactChannel"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "ProviderVersion_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProviderVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
CREATE TRIGGER "SearchWord_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SearchWord"
  FOR EACH STATEMENT EXECUTE FUNCTION demarc_bump_content_epoch();
