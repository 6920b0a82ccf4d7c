import "server-only";
import { actorLabel } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { contentHash } from "@/lib/versions/content-hash";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProviderDocument } from "@/lib/validation/provider-document";

/** Stores the next immutable, numbered version of a provider with its content hash. */
export async function recordVersion(options: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  providerId: string;
  document: ProviderDocument;
  note: string;
}): Promise<{ number: number; contentHash: string }> {
  const { tx, providerId } = options;
  const last = await tx.providerVersion.findFirst({
    where: { providerId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const version = await tx.providerVersion.create({
    data: {
      providerId,
      number: (last?.number ?? 0) + 1,
      note: options.note,
      contentHash: contentHash(options.document),
      document: options.document,
      publishedById: options.actor.kind === "user" ? options.actor.id : null,
      publishedBy: actorLabel(options.actor),
    },
    select: { number: true, contentHash: true },
  });
  return version;
}
