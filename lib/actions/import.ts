"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import {
  importServiceMatrix,
  previewServiceMatrix,
  type MatrixImportMode,
  type MatrixImportPreview,
  type SplitRule,
} from "@/lib/drafts/import-service-matrix";
import { detectMatrixFormat, matrixFormats, type MatrixFormat } from "@/lib/transfer/matrix-import/read-matrix-file";
import { parseCellCorrections } from "@/lib/validation/cell-corrections";
import {
  importProviderDocument,
  previewProviderDocument,
  type ProviderImportPreview,
  type ProviderImportTarget,
} from "@/lib/drafts/import-provider-document";
import type { MatrixImportState, ProviderImportState } from "./import-state";
import { plural } from "@/lib/format";

// Thin adapters for the import forms (a provider's Import page, the admin's new-provider import):
// form fields in, the import services (which authorize, validate and audit) called, a message and
// the preview out.

async function matrixInput(form: FormData) {
  const values = readForm(form);
  const upload = form.get("file");
  const chosen = values.text("format");
  const fileName = upload instanceof File && upload.size > 0 ? upload.name || null : null;
  const workbook = chosen === "xlsx" || (chosen !== "csv" && chosen !== "markdown" && /\.xlsx$/i.test(fileName ?? ""));
  const { text } = workbook ? { text: "" } : await readUpload(form);
  const format: MatrixFormat = (matrixFormats as readonly string[]).includes(chosen)
    ? (chosen as MatrixFormat)
    : detectMatrixFormat({ fileName, text });
  const bytes = format === "xlsx" && upload instanceof File ? new Uint8Array(await upload.arrayBuffer()) : undefined;
  return {
    provider: values.text("provider"),
    service: values.text("service"),
    // Checked by the service: anything else is refused with a field error.
    mode: values.text("mode") as MatrixImportMode,
    split: (values.text("split") || "lines") as SplitRule,
    corrections: parseCellCorrections(values.text("corrections")),
    file: { format, text, bytes },
    fileName,
  };
}

/** Step 1: parse and check the file against the draft; nothing is written. */
export async function previewMatrixImportAction(_prev: MatrixImportState, form: FormData): Promise<MatrixImportState> {
  const result: { preview?: MatrixImportPreview } = {};
  const state = await runAction(form, async (actor) => {
    const preview = await previewServiceMatrix({ actor, ...(await matrixInput(form)) });
    result.preview = preview;
    const removed = preview.removed.length ? `, ${preview.removed.length} removed` : "";
    return (
      `Ready to import ${plural(preview.rows.length, "row")} into ${preview.service.name}: ` +
      `${preview.added.length} new, ${preview.changed.length} changed, ${preview.unchanged.length} unchanged${removed}. ` +
      "Nothing has been saved yet."
    );
  });
  const preview = result.preview;
  if (state.status !== "success" || !preview) return state;
  if (preview.errorCount > 0) {
    const failing = preview.rows.filter((r) => r.errors.length > 0).length;
    const parts = [
      ...(failing
        ? [`${failing} of ${plural(preview.rows.length, "row")} ${failing === 1 ? "has" : "have"} errors`]
        : []),
      ...(preview.problems.length ? [plural(preview.problems.length, "problem") + " with the result"] : []),
    ];
    return {
      status: "error",
      message: `${parts.join(" and ")}. Fix the file and preview again; nothing has been saved.`,
      fieldErrors: {},
      preview,
    };
  }
  return { ...state, preview };
}

/** Step 2: import the previewed file into the draft (all rows or nothing). */
export async function importMatrixAction(_prev: MatrixImportState, form: FormData): Promise<MatrixImportState> {
  const expectedDraftVersion = readDraftVersion(form);
  return runAction(form, async (actor) => {
    const input = await matrixInput(form);
    const result = await importServiceMatrix({ actor, ...input, expectedDraftVersion });
    revalidatePath(`/providers/${input.provider}`, "layout");
    const removed = result.removed ? `, ${result.removed} removed` : "";
    return (
      `Imported ${plural(result.rows, "row")} into the draft (change ${result.draftVersion}): ` +
      `${result.added} new, ${result.changed} changed, ${result.unchanged} unchanged${removed}. ` +
      "Readers see them once the draft is published."
    );
  });
}

/** Step 1 for a whole provider: the file must be this provider's document; nothing is written. */
export async function previewProviderImportAction(
  _prev: ProviderImportState,
  form: FormData,
): Promise<ProviderImportState> {
  return runProviderPreview(form, { kind: "draft", provider: readForm(form).text("provider") });
}

/** Step 2: the document becomes this provider's draft. */
export async function importProviderAction(_prev: ProviderImportState, form: FormData): Promise<ProviderImportState> {
  return runProviderImport(form, { kind: "draft", provider: readForm(form).text("provider") });
}

// Administrators create providers from a provider document (JSON). Existing slugs are refused here:
// their documents go into the provider's draft from its own Import page.

/** Step 1: what the file would create, with every problem; nothing is written. */
export async function previewNewProviderAction(
  _prev: ProviderImportState,
  form: FormData,
): Promise<ProviderImportState> {
  return runProviderPreview(form, { kind: "new" });
}

/** Step 2: create the provider as an unpublished draft. */
export async function importNewProviderAction(
  _prev: ProviderImportState,
  form: FormData,
): Promise<ProviderImportState> {
  return runProviderImport(form, { kind: "new" });
}

/**
 * The submitted file (field "file") or, when none was chosen, the pasted text (field "text"). An
 * empty file input still arrives as a file (empty, named "" or "blob" depending on the encoder), so
 * only a non-empty file counts as chosen.
 */
async function readUpload(form: FormData): Promise<{ text: string; fileName: string | null }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return { text: await file.text(), fileName: file.name || null };
  return { text: readForm(form).text("text"), fileName: null };
}

/** The draft version the preview showed (hidden field "draftVersion"), if any. */
function readDraftVersion(form: FormData): number | undefined {
  const value = readForm(form).text("draftVersion");
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

async function runProviderPreview(form: FormData, target: ProviderImportTarget): Promise<ProviderImportState> {
  const { text, fileName } = await readUpload(form);
  const result: { preview?: ProviderImportPreview } = {};
  const state = await runAction(form, async (actor) => {
    const preview = await previewProviderDocument({ actor, json: text, target, fileName });
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

async function runProviderImport(form: FormData, target: ProviderImportTarget): Promise<ProviderImportState> {
  const { text, fileName } = await readUpload(form);
  const expectedDraftVersion = readDraftVersion(form);
  const result: { link?: ProviderImportState["link"] } = {};
  const state = await runAction(form, async (actor) => {
    const done = await importProviderDocument({
      actor,
      json: text,
      target,
      fileName,
      expectedDraftVersion,
    });
    if (done.outcome === "created") {
      revalidatePath("/", "layout");
      result.link = { href: `/providers/${done.slug}/edit`, label: `Review and publish ${done.name}` };
      return `Created “${done.name}” as an unpublished draft: readers see nothing until it is published.`;
    }
    revalidatePath(`/providers/${done.slug}`, "layout");
    return `Imported the file as the draft of “${done.name}” (change ${done.draftVersion}). Readers see it once the draft is published.`;
  });
  return result.link && state.status === "success" ? { ...state, link: result.link } : state;
}
