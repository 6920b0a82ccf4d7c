import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { findEditableProvider } from "./find-editable-provider";
import { lockDraft } from "./lock-draft";

/** Starts a new draft from a published version (publishing it makes a new version; history stays). */
export async function revertDraft(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  versionNumber: number;
}): Promise<{ version: number }> {
  const db = options.db ?? getDb();
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  return db.$transaction(async (tx) => {
    const target = await tx.providerVersion.findUnique({
      where: { providerId_number: { providerId: provider.id, number: options.versionNumber } },
      select: { document: true },
    });
    if (!target) throw new AppError("NOT_FOUND", `${provider.name} has no version ${options.versionNumber}.`);
    const document = parseStoredProviderDocument(target.document);
    if (document.slug !== provider.slug)
      throw new AppError("CONFLICT", "That version was published under another slug.");
    const draft = await lockDraft({ tx, providerId: provider.id });
    const version = draft.version + 1;
    await tx.providerDraft.update({ where: { providerId: provider.id }, data: { document, version } });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "draft.revert",
      target: { type: "provider", id: provider.id },
      providerId: provider.id,
      before: { draftVersion: draft.version },
      after: { draftVersion: version, fromVersion: options.versionNumber },
    });
    return { version };
  });
}
