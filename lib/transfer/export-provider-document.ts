import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { readProviderDocument } from "./read-provider-document";
import { getDb } from "@/lib/db";

/**
 * The published model as a provider document: the JSON the import reads back (export → import
 * gives the same content), recorded in the audit log. Only what the actor may see: a customer who sees a private provider
 * through its subscriptions gets the subscribed services only; a hidden provider is NOT_FOUND.
 */
export async function exportProviderDocument(options: {
  db?: Database;
  actor: Actor;
  provider: string;
}): Promise<ProviderDocument> {
  const db = options.db ?? getDb();
  const provider = await db.provider.findFirst({
    where: { AND: [{ slug: options.provider }, visibleProviderWhere(options.actor)] },
    select: { id: true, services: { where: visibleServiceWhere(options.actor), select: { slug: true } } },
  });
  if (!provider) throw new AppError("NOT_FOUND", `No provider "${options.provider}".`);
  const document = await readProviderDocument({ db, providerId: provider.id });
  const visible = new Set(provider.services.map((s) => s.slug));
  // Like every export, the download is on record (lib/exports/load-provider-export.ts).
  await recordAudit({
    tx: db,
    actor: options.actor,
    action: "export.download",
    target: { type: "provider", id: provider.id },
    providerId: provider.id,
    after: { format: "json", version: null, service: null, model: null },
  });
  return { ...document, services: document.services.filter((s) => visible.has(s.slug)) };
}
