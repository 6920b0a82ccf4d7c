import "server-only";
import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db";
import {
  importProviderDocument,
  previewProviderDocument,
  type ProviderImportPreview,
  type ProviderImportTarget,
} from "./import-provider-document";
import type { ProviderImportState } from "./import-state";

// Shared by the import server actions (a provider's Import page and the admin's new-provider import).

/**
 * The submitted file (field "file") or, when none was chosen, the pasted text (field "text"). An
 * empty file input still arrives as a file (empty, named "" or "blob" depending on the encoder), so
 * only a non-empty file counts as chosen.
 */
export async function readUpload(form: FormData): Promise<{ text: string; fileName: string | null }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return { text: await file.text(), fileName: file.name || null };
  return { text: readForm(form).text("text"), fileName: null };
}

/** The draft version the preview showed (hidden field "draftVersion"), if any. */
export function readDraftVersion(form: FormData): number | undefined {
  const value = readForm(form).text("draftVersion");
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export async function runProviderPreview(form: FormData, target: ProviderImportTarget): Promise<ProviderImportState> {
  const { text, fileName } = await readUpload(form);
  const result: { preview?: ProviderImportPreview } = {};
  const state = await runAction(async (actor) => {
    const preview = await previewProviderDocument({ db: getDb(), actor, json: text, target, fileName });
    result.preview = preview;
    if (preview.errors.length) return "";
    return preview.outcome === "create"
      ? `Ready to create “${preview.name}”. Nothing has been saved yet.`
      : `Ready to replace the draft of “${preview.current?.name}”. Nothing has been saved yet.`;
  });
  const preview = result.preview;
  if (state.status !== "success" || !preview) return state;
  if (preview.errors.length) {
    const count = preview.errors.length + preview.moreErrors;
    return {
      status: "error",
      message: `The file has ${count} ${count === 1 ? "problem" : "problems"}; fix ${count === 1 ? "it" : "them"} and preview again. Nothing has been saved.`,
      fieldErrors: {},
      preview,
    };
  }
  return { ...state, preview };
}

export async function runProviderImport(form: FormData, target: ProviderImportTarget): Promise<ProviderImportState> {
  const { text, fileName } = await readUpload(form);
  const expectedDraftVersion = readDraftVersion(form);
  const result: { link?: ProviderImportState["link"] } = {};
  const state = await runAction(async (actor) => {
    const done = await importProviderDocument({
      db: getDb(),
      actor,
      json: text,
      target,
      fileName,
      expectedDraftVersion,
    });
    if (done.outcome === "created") {
      revalidatePath("/", "layout");
      result.link = { href: `/providers/${done.slug}`, label: `Open ${done.name}` };
      return `Created “${done.name}” as published version ${done.version}.`;
    }
    revalidatePath(`/providers/${done.slug}`, "layout");
    return `Imported the file as the draft of “${done.name}” (change ${done.draftVersion}). Readers see it once the draft is published.`;
  });
  return result.link && state.status === "success" ? { ...state, link: result.link } : state;
}
