-- CreateTable
CREATE TABLE "ProviderDraft" (
    "providerId" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "ProviderDraft_pkey" PRIMARY KEY ("providerId")
);

-- CreateTable
CREATE TABLE "ProviderVersion" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "publishedBy" TEXT NOT NULL,

    CONSTRAINT "ProviderVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderVersion_providerId_number_key" ON "ProviderVersion"("providerId", "number");

-- AddForeignKey
ALTER TABLE "ProviderDraft" ADD CONSTRAINT "ProviderDraft_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderVersion" ADD CONSTRAINT "ProviderVersion_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Published versions are immutable (the body's semicolon is \x3b: the schema engine splits scripts at semicolons).
CREATE FUNCTION "provider_version_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''Published versions are immutable: UPDATE on "ProviderVersion" is not allowed'' USING ERRCODE = ''insufficient_privilege''\x3b END';

CREATE TRIGGER "provider_version_no_update"
  BEFORE UPDATE ON "ProviderVersion"
  FOR EACH ROW EXECUTE FUNCTION "provider_version_is_immutable"();
