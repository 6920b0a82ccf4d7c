// What the import server actions hand back to their forms (types only: shared by server and client).
import type { ActionState } from "./action-state";
import type { MatrixImportPreview } from "@/lib/drafts/import-service-matrix";
import type { ProviderImportPreview } from "@/lib/drafts/import-provider-document";

/** A preview (step 1) or an import (step 2) of a service matrix; previews carry the rows. */
export type MatrixImportState = ActionState & { preview?: MatrixImportPreview };

/** A preview or an import of a whole provider; a finished import may link to the result. */
export type ProviderImportState = ActionState & {
  preview?: ProviderImportPreview;
  link?: { href: string; label: string };
};
