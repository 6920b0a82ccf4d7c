import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";

/**
 * The provider's draft, locked for the rest of the transaction (concurrent saves take turns, so
 * none is lost). Without a draft, one is started from the published model, at version 0.
 */
export async function lockDraft(options: {
  tx: Prisma.TransactionClient;
  providerId: string;
}): Promise<{ document: ProviderDocument; version: number }> {
  const { tx, providerId } = options;
  const select = () =>
    tx.$queryRaw<{ document: unknown; version: number }[]>`
      SELECT "document", "version" FROM "ProviderDraft" WHERE "providerId" = ${providerId} FOR UPDATE`;
  const [existing] = await select();
  if (existing) return { document: parseStoredProviderDocument(existing.document), version: existing.version };
  const document = await readProviderDocument({ db: tx, providerId });
  await tx.$executeRaw`
    INSERT INTO "ProviderDraft" ("providerId", "document", "version", "updatedAt")
    VALUES (${providerId}, ${JSON.stringify(document)}::jsonb, 0, now())
    ON CONFLICT ("providerId") DO NOTHING`;
  const [created] = await select();
  return { document: parseStoredProviderDocument(created!.document), version: created!.version };
}
