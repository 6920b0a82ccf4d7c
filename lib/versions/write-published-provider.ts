import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeProviderDocument } from "@/lib/transfer/write-provider-document";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { recordVersion } from "./record-version";

/**
 * Writes a new provider's document as its published model and records it as version 1, in the
 * caller's transaction: readers are served from the version (lib/published), so a provider is never
 * published without one. The seed, the data generator and tests create providers through here.
 */
export async function writePublishedProvider(options: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  document: ProviderDocument;
  note: string;
}): Promise<{ id: string; number: number; contentHash: string }> {
  const { id } = await writeProviderDocument({ tx: options.tx, document: options.document });
  const version = await recordVersion({ ...options, providerId: id });
  return { id, ...version };
}
