-- Full-text and typo-tolerant search (lib/search/search-catalog.ts).
--
-- Text is indexed with `demarc_search`, the 'simple' configuration (no stemming: names and duties
-- are English, German and product words) with accents removed first by the unaccent dictionary, so
-- "securite" finds "Sécurité" and highlights come back on the original text. to_tsvector with a
-- constant configuration is IMMUTABLE, so the vectors can be generated columns: every write path
-- (publish, import, seed) keeps them current without knowing about them. Both extensions are
-- "trusted" on PostgreSQL 13+, and PGlite loads them (lib/database/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION demarc_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION demarc_search
  ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;

-- Provider: name and slug (A, also what names its services' and areas' context), summary (B).
ALTER TABLE "Provider" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('demarc_search'::regconfig, "name" || ' ' || "slug"), 'A') ||
  setweight(to_tsvector('demarc_search'::regconfig, "summary"), 'B')
) STORED;

-- Service: name and slug (A), summary (B), the category as readers see it (C).
ALTER TABLE "Service" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('demarc_search'::regconfig, "name" || ' ' || "slug"), 'A') ||
  setweight(to_tsvector('demarc_search'::regconfig, "summary"), 'B') ||
  setweight(to_tsvector('demarc_search'::regconfig, CASE "category"
    WHEN 'IAAS' THEN 'IaaS' WHEN 'PAAS' THEN 'PaaS' WHEN 'SAAS' THEN 'SaaS' WHEN 'CAAS' THEN 'CaaS'
    WHEN 'FAAS' THEN 'FaaS' WHEN 'DBAAS' THEN 'DBaaS' WHEN 'STAAS' THEN 'STaaS' ELSE '' END), 'C')
) STORED;

-- Area: name (A), every party's duty texts (B), notes (C), framework and control of each reference
-- (D). to_tsvector(jsonb) indexes string values only, each as its own phrase.
ALTER TABLE "ResponsibilityArea" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('demarc_search'::regconfig, "name"), 'A') ||
  setweight(to_tsvector('demarc_search'::regconfig, jsonb_path_query_array("cells", '$[*].duties[*].text')), 'B') ||
  setweight(to_tsvector('demarc_search'::regconfig, coalesce("notes", '')), 'C') ||
  setweight(to_tsvector('demarc_search'::regconfig, jsonb_path_query_array("references", '$[*].framework') ||
    jsonb_path_query_array("references", '$[*].control')), 'D')
) STORED;

CREATE INDEX "Provider_searchVector_idx" ON "Provider" USING GIN ("searchVector");
CREATE INDEX "Service_searchVector_idx" ON "Service" USING GIN ("searchVector");
CREATE INDEX "ResponsibilityArea_searchVector_idx" ON "ResponsibilityArea" USING GIN ("searchVector");

-- The words of all vectors, for finding near misses of a query word by trigram similarity. Words are
-- only added (statement triggers, in sorted order so concurrent writers do not deadlock), and a word no
-- longer in use finds nothing, because the search keeps only near misses found in visible rows.
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- Prisma's schema engine splits migration scripts at every semicolon, so the function body is an
-- escape string whose semicolons are written \x3b (as in the audit log's migration).
CREATE FUNCTION demarc_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "SearchWord" ("word") SELECT DISTINCT w FROM changed_rows, unnest(tsvector_to_array(changed_rows."searchVector")) AS w ORDER BY w ON CONFLICT DO NOTHING\x3b RETURN NULL\x3b END';

CREATE TRIGGER "Provider_search_words_insert" AFTER INSERT ON "Provider"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();
CREATE TRIGGER "Provider_search_words_update" AFTER UPDATE ON "Provider"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();
CREATE TRIGGER "Service_search_words_insert" AFTER INSERT ON "Service"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();
CREATE TRIGGER "Service_search_words_update" AFTER UPDATE ON "Service"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();
CREATE TRIGGER "ResponsibilityArea_search_words_insert" AFTER INSERT ON "ResponsibilityArea"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();
CREATE TRIGGER "ResponsibilityArea_search_words_update" AFTER UPDATE ON "ResponsibilityArea"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION demarc_collect_search_words();

INSERT INTO "SearchWord" ("word")
  SELECT w FROM "Provider", unnest(tsvector_to_array("searchVector")) AS w
  UNION SELECT w FROM "Service", unnest(tsvector_to_array("searchVector")) AS w
  UNION SELECT w FROM "ResponsibilityArea", unnest(tsvector_to_array("searchVector")) AS w
  ON CONFLICT DO NOTHING;
