import { getDb } from "@/lib/db";
import { writeProviderDocument } from "@/lib/transfer/write-provider-document";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";

/** Writes a provider for one test and returns a cleanup that removes it. */
export async function createProvider(input: ProviderDocumentInput) {
  const document = providerDocumentSchema.parse(input);
  const db = getDb();
  const { id } = await db.$transaction((tx) => writeProviderDocument({ tx, document }));
  return { id, document, remove: () => db.provider.delete({ where: { id } }) };
}
