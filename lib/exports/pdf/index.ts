// The PDF exports: a provider's responsibility model (render.ts) and reports (report.ts).
export { renderProviderPdf, type RenderPdfOptions } from "./render";
export { renderReportPdf } from "./report";
export type { ReportDocument } from "./report-types";
