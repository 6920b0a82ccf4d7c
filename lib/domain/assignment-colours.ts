// The assignment colours as hex values, for what is drawn outside CSS (SVG diagrams, PDF and XLSX
// exports); they mirror the theme variables in app/globals.css.
import type { AssignmentValue } from "@/lib/domain/assignment";

export const assignmentHex: Record<AssignmentValue, { fill: string; stroke: string; text: string }> = {
  provider: { fill: "#d1fae5", stroke: "#047857", text: "#064e3b" },
  customer: { fill: "#dbeafe", stroke: "#1d4ed8", text: "#1e3a8a" },
  shared: { fill: "#ede9fe", stroke: "#7c3aed", text: "#4c1d95" },
  "best-effort": { fill: "#fef3c7", stroke: "#854d0e", text: "#713f12" },
  "third-party": { fill: "#ffedd5", stroke: "#c2410c", text: "#7c2d12" },
  "n/a": { fill: "#f3f4f6", stroke: "#4b5563", text: "#1f2937" },
};
