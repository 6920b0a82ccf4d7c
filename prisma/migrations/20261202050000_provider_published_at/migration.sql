-- A provider can exist as a draft only (created in the browser or from a file) until it is first
-- published, and readers see it from then on. Every provider so far has been published.
ALTER TABLE "Provider" ADD COLUMN "publishedAt" TIMESTAMP(3);

UPDATE "Provider" p SET "publishedAt" = COALESCE(
  (SELECT min(v."publishedAt") FROM "ProviderVersion" v WHERE v."providerId" = p."id"),
  p."createdAt"
);
