"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db";
import {
  detectMatrixFormat,
  importServiceMatrix,
  previewServiceMatrix,
  type MatrixFormat,
  type MatrixImportMode,
  type MatrixImportPreview,
} from "@/lib/drafts/import-service-matrix";
import { readDraftVersion, readUpload, runProviderImport, runProviderPreview } from "@/lib/transfer/import-actions";
import type { MatrixImportState, ProviderImportState } from "@/lib/transfer/import-state";

// Thin adapters for the provider's Import page: form fields in, the import services (which
// authorize, validate and audit) called, a message and the preview out.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function matrixInput(form: FormData) {
  const values = readForm(form);
  const { text, fileName } = await readUpload(form);
  const chosen = values.text("format");
  const format: MatrixFormat =
    chosen === "csv" || chosen === "markdown" ? chosen : detectMatrixFormat({ fileName, text });
  return {
    provider: values.text("provider"),
    service: values.text("service"),
    // Checked by the service: anything else is refused with a field error.
    mode: values.text("mode") as MatrixImportMode,
    format,
    text,
    fileName,
  };
}

/** Step 1: parse and check the file against the draft; nothing is written. */
export async function previewMatrixImportAction(_prev: MatrixImportState, form: FormData): Promise<MatrixImportState> {
  const input = await matrixInput(form);
  const result: { preview?: MatrixImportPreview } = {};
  const state = await runAction(async (actor) => {
    const preview = await previewServiceMatrix({ db: getDb(), actor, ...input });
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
  const input = await matrixInput(form);
  const expectedDraftVersion = readDraftVersion(form);
  return runAction(async (actor) => {
    const result = await importServiceMatrix({ db: getDb(), actor, ...input, expectedDraftVersion });
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
