import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getActor } from "@/lib/auth/current-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getDraft } from "./get-draft";

// For pages deciding whether to show editing controls. The draft services check the same rule
// themselves (findEditableProvider); these only spare readers the queries and the controls.

/** The provider's id when the actor may edit it (visible to them and `edit:provider:own`), else null. */
const editableProviderId = cache(async (actor: Actor, slug: string): Promise<string | null> => {
  if (actor.kind !== "user") return null;
  const provider = await getDb().provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    select: { id: true },
  });
  return provider && can(actor, "edit:provider:own", { providerId: provider.id }) ? provider.id : null;
});

export async function canEditProvider(actor: Actor, slug: string): Promise<boolean> {
  return (await editableProviderId(actor, slug)) !== null;
}

/** For editors: how many unpublished changes the draft holds and when the last was saved; null for others. */
export const editorDraftStatus = cache(
  async (actor: Actor, slug: string): Promise<{ changes: number; updatedAt: Date | null } | null> => {
    const providerId = await editableProviderId(actor, slug);
    if (providerId === null) return null;
    const draft = await getDb().providerDraft.findUnique({
      where: { providerId },
      select: { version: true, updatedAt: true },
    });
    return draft && draft.version > 0
      ? { changes: draft.version, updatedAt: draft.updatedAt }
      : { changes: 0, updatedAt: null };
  },
);

/** The editor's draft (once per request); null for those who may not edit the provider. */
export const getEditorDraft = cache(async (actor: Actor, slug: string) => {
  if (!(await canEditProvider(actor, slug))) return null;
  return getDraft({ actor, provider: slug });
});

/** Whether a service exists in the draft the actor may edit (services added in a draft are not published yet). */
export async function draftHasService(actor: Actor, slug: string, service: string): Promise<boolean> {
  const draft = await getEditorDraft(actor, slug);
  return draft?.document.services.some((s) => s.slug === service) ?? false;
}

/**
 * For the editor's own pages (edit, import): the actor and their draft of the provider. Anonymous
 * visitors sign in and come back to `path`; anyone who may not edit the provider gets the 404 of a
 * page that does not exist (the provider layout has already 404ed providers they cannot see).
 */
export async function requireEditorDraft(slug: string, path: string) {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return { actor, draft: await getDraft({ actor, provider: slug }) };
  } catch (error) {
    if (error instanceof AppError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"].includes(error.code)) notFound();
    throw error;
  }
}
