-- Parties are the columns: each area's provider and customer sides become party cells (the cells of
-- the parties with keys "provider" and "customer", every provider has both), duties become objects
-- with an optional strength, areas get a stable key, and areas can sit in nested groups. Every
-- existing row keeps its content exactly. Statements contain no semicolon inside them: Prisma's
-- schema engine splits the script at every one.

-- New columns, filled before the old ones go.
ALTER TABLE "ResponsibilityArea"
ADD COLUMN "assignmentReason" TEXT,
ADD COLUMN "cells" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "groupId" TEXT,
ADD COLUMN "key" TEXT,
ADD COLUMN "references" JSONB NOT NULL DEFAULT '[]';

UPDATE "ResponsibilityArea" a SET "cells" = (
  SELECT COALESCE(jsonb_agg(side.cell ORDER BY side.ord), '[]'::jsonb)
  FROM (
    SELECT 1 AS ord, jsonb_build_object(
        'party', 'provider',
        'duties', (SELECT COALESCE(jsonb_agg(jsonb_build_object('text', d.text) ORDER BY d.i), '[]'::jsonb)
                   FROM unnest(a."providerDuties") WITH ORDINALITY AS d(text, i))
      ) || CASE WHEN a."providerNotApplicable" THEN '{"notApplicable": true}'::jsonb ELSE '{}'::jsonb END AS cell
    WHERE cardinality(a."providerDuties") > 0 OR a."providerNotApplicable"
    UNION ALL
    SELECT 2, jsonb_build_object(
        'party', 'customer',
        'duties', (SELECT COALESCE(jsonb_agg(jsonb_build_object('text', d.text) ORDER BY d.i), '[]'::jsonb)
                   FROM unnest(a."customerDuties") WITH ORDINALITY AS d(text, i))
      ) || CASE WHEN a."customerNotApplicable" THEN '{"notApplicable": true}'::jsonb ELSE '{}'::jsonb END
    WHERE cardinality(a."customerDuties") > 0 OR a."customerNotApplicable"
  ) side
);

-- Keys from names, as lib/domain/slug.ts makes them: lowercase, every run of other characters a
-- hyphen, trimmed, at most 60 characters, "area" when nothing is left, the n-th repeat "-n".
WITH base AS (
  SELECT "id", "providerId", "serviceId", "position",
         COALESCE(NULLIF(regexp_replace(left(trim(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), 60), '-+$', ''), ''), 'area') AS slug
  FROM "ResponsibilityArea"
), numbered AS (
  SELECT "id", slug, row_number() OVER (PARTITION BY "providerId", "serviceId", slug ORDER BY "position") AS n FROM base
)
UPDATE "ResponsibilityArea" a
SET "key" = CASE WHEN numbered.n = 1 THEN numbered.slug
                 ELSE regexp_replace(left(numbered.slug, 60 - length(numbered.n::text) - 1), '-+$', '') || '-' || numbered.n END
FROM numbered WHERE a."id" = numbered."id";

ALTER TABLE "ResponsibilityArea"
ALTER COLUMN "key" SET NOT NULL,
ALTER COLUMN "cells" DROP DEFAULT,
DROP COLUMN "customerDuties",
DROP COLUMN "customerNotApplicable",
DROP COLUMN "providerDuties",
DROP COLUMN "providerNotApplicable";

-- CreateTable
CREATE TABLE "AreaGroup" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "serviceId" TEXT,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "number" TEXT,
    "description" TEXT,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AreaGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AreaGroup_providerId_serviceId_position_idx" ON "AreaGroup"("providerId", "serviceId", "position");

-- AddForeignKey
ALTER TABLE "AreaGroup" ADD CONSTRAINT "AreaGroup_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaGroup" ADD CONSTRAINT "AreaGroup_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaGroup" ADD CONSTRAINT "AreaGroup_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AreaGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityArea" ADD CONSTRAINT "ResponsibilityArea_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AreaGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
