// The PDF export of a provider's responsibility model (see render.ts).
export { renderProviderPdf, type RenderPdfOptions } from "./render";
