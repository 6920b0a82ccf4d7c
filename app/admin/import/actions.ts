"use server";

import { runProviderImport, runProviderPreview } from "@/lib/transfer/import-actions";
import type { ProviderImportState } from "@/lib/transfer/import-state";

// Administrators create providers from a provider document (JSON). Existing slugs are refused here:
// their documents go into the provider's draft from its own Import page.

/** Step 1: what the file would create, with every problem; nothing is written. */
export async function previewNewProviderAction(
  _prev: ProviderImportState,
  form: FormData,
): Promise<ProviderImportState> {
  return runProviderPreview(form, { kind: "new" });
}

/** Step 2: create the provider as published version 1 ("Imported"). */
export async function importNewProviderAction(
  _prev: ProviderImportState,
  form: FormData,
): Promise<ProviderImportState> {
  return runProviderImport(form, { kind: "new" });
}
