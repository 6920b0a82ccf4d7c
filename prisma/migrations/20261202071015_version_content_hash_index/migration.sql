-- CreateIndex
CREATE INDEX "ProviderVersion_contentHash_idx" ON "ProviderVersion"("contentHash");
