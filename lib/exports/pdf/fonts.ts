// The fonts embedded in every PDF: DejaVu Sans from the `dejavu-fonts-ttf` package. The PDF's
// standard 14 fonts only cover Latin-1 (no ő, ł, č) and are not embedded, which tagged/archival
// readers reject; DejaVu covers every European script the source documents use.
import { createRequire } from "node:module";
import path from "node:path";

export type FontKey = "regular" | "bold" | "oblique";

const require = createRequire(import.meta.url);
const directory = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

/**
 * Absolute file paths, used directly as pdfkit font names: pdfkit caches a font per name, so using
 * the path as the name means each file is read and parsed once per document.
 */
export const fontFiles: Record<FontKey, string> = {
  regular: path.join(directory, "DejaVuSans.ttf"),
  bold: path.join(directory, "DejaVuSans-Bold.ttf"),
  oblique: path.join(directory, "DejaVuSans-Oblique.ttf"),
};
