// Publishes a provider's next version the way an editor does (a draft, then publishDraft), so what
// publishing records with the version — change impacts and their outbox rows — is written too.
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { publishDraft } from "@/lib/drafts/publish-draft";
import type { Prisma } from "@/lib/generated/prisma/client";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";

export async function publishAs(options: {
  actor: Actor;
  providerId: string;
  document: ProviderDocumentInput;
  note?: string;
}): Promise<{ number: number; contentHash: string }> {
  const document = providerDocumentSchema.parse(options.document) as unknown as Prisma.InputJsonValue;
  await getDb().providerDraft.upsert({
    where: { providerId: options.providerId },
    create: { providerId: options.providerId, document, version: 1 },
    update: { document, version: 1 },
  });
  return publishDraft({
    actor: options.actor,
    provider: providerDocumentSchema.parse(options.document).slug,
    note: options.note ?? "Next version",
    draftVersion: 1,
  });
}
