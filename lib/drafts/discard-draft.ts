import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findEditableProvider } from "./find-editable-provider";

/** Throws the draft away: the draft is the published model again. */
export async function discardDraft(options: { db?: Database; actor: Actor; provider: string }): Promise<void> {
  const db = options.db ?? getDb();
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  await db.$transaction(async (tx) => {
    const draft = await tx.providerDraft.findUnique({
      where: { providerId: provider.id },
      select: { version: true },
    });
    if (!draft || draft.version === 0)
      throw new AppError("INVALID_INPUT", "There are no unpublished changes to discard.");
    await tx.providerDraft.delete({ where: { providerId: provider.id } });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "draft.discard",
      target: { type: "provider", id: provider.id },
      providerId: provider.id,
      before: { draftVersion: draft.version },
    });
  });
}
