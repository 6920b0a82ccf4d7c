import "server-only";
import { seedProviders } from "@/prisma/seed";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import type { Database } from "./client";

/** Writes the five seed documents (checked by the schema that validates edits and imports) as version 1. */
export async function seedDatabase(options: { db: Database }): Promise<string[]> {
  const slugs: string[] = [];
  for (const input of seedProviders) {
    const document = providerDocumentSchema.parse(input);
    await options.db.$transaction(
      (tx) =>
        writePublishedProvider({
          tx,
          actor: { kind: "system", command: "seed" },
          document,
          note: `Initial transcription of “${document.source.title}”.`,
        }),
      { timeout: 60_000 },
    );
    slugs.push(document.slug);
  }
  return slugs;
}
