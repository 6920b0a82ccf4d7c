import "server-only";
import { seedProviders } from "@/prisma/seed";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import type { Database } from "@/lib/database/client";

/**
 * Writes the five seed documents (checked by the schema that validates edits and imports) as version 1,
 * in one transaction: a start interrupted while seeding leaves an empty database, which the next start
 * seeds, never a partial one it would take for content.
 */
export async function seedDatabase(options: { db: Database }): Promise<string[]> {
  const documents = seedProviders.map((input) => providerDocumentSchema.parse(input));
  await options.db.$transaction(
    async (tx) => {
      for (const document of documents)
        await writePublishedProvider({
          tx,
          actor: { kind: "system", command: "seed" },
          document,
          note: `Initial transcription of “${document.source.title}”.`,
        });
    },
    { timeout: 120_000 },
  );
  return documents.map((document) => document.slug);
}
