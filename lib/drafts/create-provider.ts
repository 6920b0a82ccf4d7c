// A new provider starts as an unpublished draft: its row holds only what lists and links need and
// readers cannot see it (publishedAt stays null, no services) until an editor publishes the draft.
// The account manager who creates it manages it from then on. Audited as "provider.create".
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { providerFields } from "@/lib/transfer/write-provider-document";
import { contentHash } from "@/lib/versions/content-hash";

/** Slugs that name a page of their own under /providers. */
const reservedSlugs = new Set(["new"]);

export async function createDraftProvider(options: {
  db?: Database;
  actor: Actor;
  document: ProviderDocument;
  /** Shown in the audit entry (an imported file). */
  fileName?: string | null;
  counts?: Record<string, number>;
}): Promise<{ id: string; slug: string; name: string; draftVersion: number }> {
  const db = options.db ?? getDb();
  const { actor, document } = options;
  requirePermission(actor, "create:provider");
  if (reservedSlugs.has(document.slug))
    throw new AppError("INVALID_INPUT", `"${document.slug}" cannot be a provider's slug.`, {
      fieldErrors: [{ path: "slug", message: "This slug is taken by a page of the portal; choose another" }],
    });
  try {
    return await db.$transaction(async (tx) => {
      const { id } = await tx.provider.create({
        data: {
          slug: document.slug,
          ...providerFields(document),
          ...(actor.kind === "user" && actor.role === "account-manager"
            ? { managers: { create: [{ userId: actor.id }] } }
            : {}),
        },
        select: { id: true },
      });
      await tx.providerDraft.create({
        data: { providerId: id, document, version: 1, updatedById: actor.kind === "user" ? actor.id : null },
      });
      await recordAudit({
        tx,
        actor,
        action: "provider.create",
        target: { type: "provider", id },
        providerId: id,
        after: {
          slug: document.slug,
          name: document.name,
          isPrivate: document.isPrivate ?? false,
          published: false,
          draftVersion: 1,
          contentHash: contentHash(document),
          fileName: options.fileName ?? null,
          ...options.counts,
        },
      });
      return { id, slug: document.slug, name: document.name, draftVersion: 1 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", `A provider with the slug "${document.slug}" already exists.`, {
        fieldErrors: [{ path: "slug", message: "Taken: choose another slug" }],
      });
    throw error;
  }
}
