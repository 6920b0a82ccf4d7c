"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db";
import type { DocumentChange } from "@/lib/domain/document-changes";
import { changeDraft } from "@/lib/drafts/change-draft";
import { discardDraft } from "@/lib/drafts/discard-draft";
import { findEditableProvider } from "@/lib/drafts/find-editable-provider";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { revertDraft } from "@/lib/drafts/revert-draft";
import { AppError } from "@/lib/errors";
import { compareHref, versionHref } from "@/lib/versions/version-format";

// Thin adapters: form fields in, one draft service call (which authorizes and validates), a message
// out. Every form names the provider (its slug) in a hidden "provider" field.

/**
 * A change's outcome. A stale save (someone changed the value since the editor loaded it) carries
 * their value, so the editor can show it next to the user's input; `current` is null when the
 * place is now empty.
 */
export type ChangeDraftState =
  | ActionState
  | { status: "error"; message: string; fieldErrors: Record<string, string>; conflict: { current: unknown } };

/** Everything under the provider shows the draft to editors (service draft views, the edit page). */
const revalidateProvider = (provider: string) => revalidatePath(`/providers/${provider}`, "layout");

function parseChange(json: string): DocumentChange {
  let change: unknown;
  try {
    change = JSON.parse(json);
  } catch {
    throw new AppError("INVALID_INPUT", "This change is not well formed.");
  }
  // The service checks the shape (documentChangeSchema).
  return change as DocumentChange;
}

function parseWholeNumber(value: string, field: string, label: string): number {
  const number = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(number))
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: field, message: `Give the ${label} as a whole number` }],
    });
  return number;
}

/** Saves one change (field "change": a JSON-encoded DocumentChange) into the provider's draft. */
export async function changeDraftAction(_prev: ChangeDraftState, form: FormData): Promise<ChangeDraftState> {
  const values = readForm(form);
  const provider = values.text("provider");
  let conflict: { current: unknown } | undefined;
  const state = await runAction(form, async (actor) => {
    const change = parseChange(values.text("change"));
    try {
      await changeDraft({ actor, provider, change });
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT" && error.current !== undefined)
        conflict = { current: error.current };
      throw error;
    }
    revalidateProvider(provider);
    return "Saved to the draft.";
  });
  return state.status === "error" && conflict ? { ...state, conflict } : state;
}

/** A publication's outcome: on success, where the new version and its changes are read. */
export type PublishDraftState =
  | ActionState
  | {
      status: "success";
      message: string;
      published: { number: number; versionHref: string; diffHref: string | null };
    };

/** Publishes the draft the editor reviewed (fields "note" and "draftVersion"). */
export async function publishDraftAction(_prev: PublishDraftState, form: FormData): Promise<PublishDraftState> {
  const values = readForm(form);
  const provider = values.text("provider");
  const done: { number?: number } = {};
  const state = await runAction(form, async (actor) => {
    const draftVersion = parseWholeNumber(values.text("draftVersion"), "draftVersion", "draft version");
    const version = await publishDraft({ actor, provider, note: values.text("note"), draftVersion });
    done.number = version.number;
    // Readers see it everywhere: catalog, search, provider and service pages, comparisons.
    revalidatePath("/", "layout");
    return `Published as version ${version.number}. Readers see it now.`;
  });
  const { number } = done;
  if (state.status !== "success" || number === undefined) return state;
  return {
    ...state,
    published: {
      number,
      versionHref: versionHref(provider, number),
      diffHref: number > 1 ? compareHref(provider, number - 1, number) : null,
    },
  };
}

/**
 * Throws the draft away. A provider that was never published has nothing to go back to (its draft
 * is all it has; without it the provider could not be read or edited again), so it is refused.
 */
export async function discardDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const provider = readForm(form).text("provider");
  return runAction(form, async (actor) => {
    const { id } = await findEditableProvider({ actor, slug: provider });
    const { publishedAt } = await getDb().provider.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } });
    if (!publishedAt)
      throw new AppError(
        "INVALID_INPUT",
        "This provider has never been published: its draft is all it has, so there is nothing to go back to.",
      );
    await discardDraft({ actor, provider });
    revalidateProvider(provider);
    return "Draft discarded: it is the published model again.";
  });
}

/** Replaces the draft with a published version (field "versionNumber"); publishing it makes a new version. */
export async function revertDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const provider = values.text("provider");
  return runAction(form, async (actor) => {
    const versionNumber = parseWholeNumber(values.text("versionNumber"), "versionNumber", "version");
    await revertDraft({ actor, provider, versionNumber });
    revalidateProvider(provider);
    return `The draft is now version ${versionNumber}. Review it, then publish to make it current.`;
  });
}
