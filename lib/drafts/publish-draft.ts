import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { hasLintErrors, lintProviderDocument } from "@/lib/model/lint";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { planChangeImpacts } from "@/lib/notifications/plan-change-impacts";
import { recordChangeImpacts } from "@/lib/notifications/record-change-impacts";
import { applyProviderDocument } from "@/lib/transfer/write-provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { recordVersion } from "@/lib/versions/record-version";
import { findEditableProvider } from "./find-editable-provider";

export const publishNoteLimit = 2000;

/**
 * Publishes the draft the editor reviewed (`draftVersion`): readers see it from now on, and it is
 * stored as the next immutable version with the changelog note. Refused while the lint panel shows
 * errors, or when the draft changed after the editor reviewed it. What the version changes for each
 * subscribing organization is recorded with it, with the notifications to deliver (lib/notifications).
 */
export async function publishDraft(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  note: string;
  draftVersion: number;
}): Promise<{ number: number; contentHash: string }> {
  const db = options.db ?? getDb();
  const note = options.note.trim();
  if (!note || note.length > publishNoteLimit)
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [
        {
          path: "note",
          message: note ? `Use at most ${publishNoteLimit} characters` : "Say what changed: readers see this note",
        },
      ],
    });
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  return db.$transaction(
    async (tx) => {
      const [draft] = await tx.$queryRaw<{ document: unknown; version: number }[]>`
        SELECT "document", "version" FROM "ProviderDraft" WHERE "providerId" = ${provider.id} FOR UPDATE`;
      if (!draft || draft.version === 0) throw new AppError("INVALID_INPUT", "There are no unpublished changes.");
      if (draft.version !== options.draftVersion)
        throw new AppError(
          "CONFLICT",
          `The draft changed after you reviewed it (it is now at change ${draft.version}). Review the current draft, then publish.`,
        );
      const document = parseStoredProviderDocument(draft.document);
      const issues = lintProviderDocument(document);
      if (hasLintErrors(issues))
        throw new AppError(
          "INVALID_INPUT",
          `The draft has ${issues.filter((i) => i.severity === "error").length} lint errors; fix them before publishing.`,
        );
      // Before the published tables change: a service the version drops takes its subscriptions along.
      const planned = await planChangeImpacts({ tx, providerId: provider.id, next: document });
      await applyProviderDocument({ tx, providerId: provider.id, document });
      const version = await recordVersion({ tx, actor: options.actor, providerId: provider.id, document, note });
      await recordChangeImpacts({
        tx,
        providerId: provider.id,
        toVersion: version.number,
        planned,
        emailConfigured: env.email !== null,
      });
      await tx.providerDraft.delete({ where: { providerId: provider.id } });
      await recordAudit({
        tx,
        actor: options.actor,
        action: "provider.publish",
        target: { type: "provider", id: provider.id },
        providerId: provider.id,
        before: { draftVersion: draft.version },
        after: { version: version.number, contentHash: version.contentHash, note },
      });
      return version;
    },
    { timeout: 60_000 },
  );
}
