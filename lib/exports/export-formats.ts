// The formats each view offers in its Export menu, in words (no zod here: client components read it).
export interface ExportFormatChoice {
  format: string;
  label: string;
  description: string;
}

const choices = {
  pdf: { format: "pdf", label: "PDF", description: "For filing as evidence: cover, contents, page numbers, hash" },
  csv: { format: "csv", label: "CSV", description: "One row per area, for scripts and spreadsheets" },
  xlsx: { format: "xlsx", label: "Excel workbook", description: "A sheet per service, with a cover and a legend" },
  caiq: { format: "caiq", label: "CAIQ v4 SSRM", description: "Control ownership, CSP and CSC columns" },
  "oscal-ssp": { format: "oscal-ssp", label: "OSCAL SSP", description: "System security plan, OSCAL 1.2.2 JSON" },
  "oscal-catalog": {
    format: "oscal-catalog",
    label: "OSCAL catalog",
    description: "The areas as controls, OSCAL 1.2.2",
  },
  json: { format: "json", label: "JSON", description: "The provider document, for import elsewhere" },
} satisfies Record<string, ExportFormatChoice>;

export const serviceExportFormats: ExportFormatChoice[] = [choices.pdf, choices.csv, choices.xlsx];

export const providerExportChoices: ExportFormatChoice[] = [
  choices.pdf,
  choices.csv,
  choices.xlsx,
  choices.caiq,
  choices["oscal-ssp"],
  choices["oscal-catalog"],
  choices.json,
];

export const obligationsExportChoices: ExportFormatChoice[] = [
  { ...choices.pdf, description: "For filing: cover with versions, contents, page numbers" },
  { ...choices.csv, description: "One row per duty, for trackers and spreadsheets" },
  { ...choices.xlsx, description: "A sheet per provider, one row per duty" },
  {
    ...choices["oscal-ssp"],
    description: "Your side of the plan: inherited and satisfied entries pointing at the providers' plans",
  },
];

export const versionDiffExportChoices: ExportFormatChoice[] = [
  { ...choices.pdf, description: "For filing: every change, both versions' hashes" },
  { ...choices.csv, description: "One row per changed field, for scripts and spreadsheets" },
];

export const auditExportChoices = (withPdf: boolean): ExportFormatChoice[] => [
  { ...choices.csv, description: "Every field of every entry, for scripts and spreadsheets" },
  ...(withPdf ? [{ ...choices.pdf, description: "For filing: the filters on the cover, page numbers" }] : []),
];

export const systemTrackingExportChoices: ExportFormatChoice[] = [
  { ...choices.csv, description: "The tracking sheet: one row per obligation with status, owner, due, evidence" },
  { ...choices.xlsx, description: "The tracking sheet as a workbook, with a progress summary" },
  {
    ...choices["oscal-ssp"],
    description: "The system's plan: inherited from providers, satisfied with your status and evidence",
  },
];

export const impactExportChoices: ExportFormatChoice[] = [
  { ...choices.pdf, description: "For filing: the changed rows, the version and who acknowledged it" },
  { ...choices.csv, description: "One row per changed row, before and after" },
];
