// The query of the export endpoints: which format, which version, deployment model and service,
// and the matrix's filters, so a download holds exactly what the page showed.
import { z } from "zod";
import { assignmentValues } from "@/lib/domain/assignment";
import { MAX_DATABASE_INTEGER } from "./parse-input";

export const providerExportFormats = ["json", "pdf", "csv", "xlsx", "oscal-ssp", "oscal-catalog", "caiq"] as const;
export type ProviderExportFormat = (typeof providerExportFormats)[number];

/** A published version's number (one beyond the database's integer range names none and is refused here). */
export const versionNumberSchema = z.coerce
  .number({ error: "A version number" })
  .int("A version number")
  .min(1, "A version number")
  .max(MAX_DATABASE_INTEGER, "A version number");

const optionalText = z
  .string()
  .trim()
  .max(200, "At most 200 characters")
  .optional()
  .transform((value) => (value ? value : null));

/** A comma-separated list ("customer,hyperscaler"), blank items dropped. */
const commaList = z
  .string()
  .max(1000, "At most 1,000 characters")
  .optional()
  .transform((value) => (value ?? "").split(",").flatMap((item) => (item.trim() ? [item.trim()] : [])));

const keyList = commaList.pipe(
  z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Use keys such as customer or hyperscaler")),
);

export const providerExportQuery = z.object({
  /** JSON when absent: the provider document, as this endpoint has always answered. */
  format: z.enum(providerExportFormats, { error: `Use one of ${providerExportFormats.join(", ")}` }).default("json"),
  version: versionNumberSchema.optional(),
  service: optionalText,
  model: optionalText,
  /** Comma-separated assignments, as the matrix's assignment filter: "customer,shared". */
  assignment: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((v) => v.trim()) : []))
    .pipe(z.array(z.enum(assignmentValues, { error: `Use ${assignmentValues.join(", ")}` }))),
  q: z.string().max(200, "At most 200 characters").optional().default(""),
  /** The matrix's Party, Layer and Framework filters: comma-separated keys (framework names). */
  party: keyList,
  layer: keyList,
  framework: commaList,
});

export type ProviderExportQuery = z.output<typeof providerExportQuery>;

/** The query from a URL's search parameters (only the first value of each). */
export function exportQueryInput(url: URL): Record<string, string> {
  const input: Record<string, string> = {};
  for (const key of ["format", "version", "service", "model", "assignment", "q", "party", "layer", "framework"])
    if (url.searchParams.has(key)) input[key] = url.searchParams.get(key) ?? "";
  return input;
}
