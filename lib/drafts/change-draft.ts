import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import {
  applyDocumentChange,
  ChangeConflict,
  ChangeNotApplicable,
  type DocumentChange,
} from "@/lib/domain/document-changes";
import { namePlace } from "@/lib/domain/document-places";
import { AppError } from "@/lib/errors";
import { documentChangeSchema } from "@/lib/validation/document-change";
import { fieldErrorsFrom } from "@/lib/validation/parse-input";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { findEditableProvider } from "./find-editable-provider";
import { lockDraft } from "./lock-draft";

/**
 * Saves one change into the provider's draft. Refused, with nothing saved, when the actor may not
 * edit the provider, when someone changed the same value since the editor read it (the error
 * carries their value), or when the result breaks a rule of the provider document schema (errors
 * per field, relative to the changed place).
 */
export async function changeDraft(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  change: DocumentChange;
}): Promise<{ version: number; document: ProviderDocument }> {
  const db = options.db ?? getDb();
  const parsed = documentChangeSchema.safeParse(options.change);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", "This change is not well formed.", {
      fieldErrors: fieldErrorsFrom(parsed.error, { emptyPath: "change" }),
    });
  const change = parsed.data;
  if (change.path[0] === "slug")
    throw new AppError("INVALID_INPUT", "A provider's slug cannot be changed: links depend on it.");
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });

  return db.$transaction(
    async (tx) => {
      const draft = await lockDraft({ tx, providerId: provider.id });
      let result: ReturnType<typeof applyDocumentChange>;
      try {
        result = applyDocumentChange(draft.document, change);
      } catch (error) {
        if (error instanceof ChangeConflict)
          throw new AppError(
            "CONFLICT",
            "Someone else changed this since you loaded it, so your change was not saved. Their version is shown; reload to edit it.",
            { current: error.current ?? null },
          );
        if (error instanceof ChangeNotApplicable)
          throw new AppError("CONFLICT", `${error.message} Someone else may have changed the list; reload the page.`);
        throw error;
      }
      const checked = providerDocumentSchema.safeParse(result.document);
      if (!checked.success) {
        // Errors inside the changed place are named relative to it; a changed field by its own name.
        const relativeTo = change.op === "insert" || change.op === "set" ? change.path : [];
        throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
          fieldErrors: fieldErrorsFrom(checked.error, { relativeTo }),
        });
      }
      const version = draft.version + 1;
      await tx.providerDraft.update({
        where: { providerId: provider.id },
        data: {
          document: checked.data,
          version,
          updatedById: options.actor.kind === "user" ? options.actor.id : null,
        },
      });
      await recordAudit({
        tx,
        actor: options.actor,
        action: `draft.${change.op}`,
        target: { type: "provider", id: provider.id },
        providerId: provider.id,
        before: { path: change.path, value: (result.before ?? null) as never, draftVersion: draft.version },
        after: {
          path: change.path,
          value: (result.after ?? null) as never,
          draftVersion: version,
          // The place in words, named now: only the latest draft is kept, and later inserts and moves
          // shift list positions, so names looked up when the log is read could point at another row.
          place: namePlace(draft.document, change.path, change.op === "insert" ? change.value : undefined) as never,
        },
      });
      return { version, document: checked.data };
    },
    { timeout: 30_000 },
  );
}
