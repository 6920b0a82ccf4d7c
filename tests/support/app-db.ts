import { getDb } from "@/lib/db";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";

/** Writes a provider for one test and returns a cleanup that removes it. */
export async function createProvider(input: ProviderDocumentInput, options: { note?: string } = {}) {
  const document = providerDocumentSchema.parse(input);
  const db = getDb();
  const { id, contentHash } = await db.$transaction((tx) =>
    writePublishedProvider({ tx, actor: { kind: "system", command: "test" }, document, note: options.note ?? "First" }),
  );
  return { id, document, contentHash, remove: () => db.provider.delete({ where: { id } }) };
}
