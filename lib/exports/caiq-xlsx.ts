// The model in the shape of CSA CAIQ v4's shared security responsibility columns, as a workbook a
// provider can hand in with its questionnaire: one row per area with the SSRM control ownership
// (from lib/domain/assignment.ts, approximate mappings marked), what the provider implements
// and what the customer is responsible for.
import ExcelJS from "exceljs";
import type { ProviderExport } from "./export-model";
import { cellText, groupPath } from "./export-rows";
import { coverLines } from "./cover-lines";

export const caiqColumns = [
  "Control ID",
  "Service",
  "Group",
  "Responsibility area",
  "SSRM Control Ownership",
  "Ownership mapping",
  "CSP Implementation Description",
  "CSC Responsibilities",
  "Third-party responsibilities",
  "Framework references",
] as const;

export async function renderCaiqXlsx(data: ProviderExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const published = new Date(data.version.publishedAt);
  workbook.creator = "Demarc";
  workbook.created = published;
  workbook.modified = published;
  workbook.title = `${data.provider.name} CAIQ v4 SSRM, version ${data.version.number}`;

  const ws = workbook.addWorksheet("SSRM", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = caiqColumns.map((header) => ({
    header,
    width: header.includes("Description") || header.includes("Responsibilities") ? 60 : 24,
  }));
  ws.getRow(1).font = { bold: true };
  const provider = data.provider.parties.find((p) => p.role === "provider")?.key;
  const customer = data.provider.parties.find((p) => p.role === "customer")?.key;
  const thirdParties = data.provider.parties.filter((p) => p.role === "third-party");
  const parts = [
    ...data.services.map((s) => ({ slug: s.slug, name: s.name, groups: s.groups, areas: s.areas })),
    { slug: "cross-cutting", name: "Cross-cutting", groups: data.crossCutting.groups, areas: data.crossCutting.areas },
  ];
  for (const part of parts)
    for (const area of part.areas) {
      const cell = (key: string | undefined) => cellText(area.cells.find((c) => c.party === key));
      const row = ws.addRow([
        `${part.slug}.${area.key}`,
        part.name,
        groupPath(part.groups, area.group),
        area.name,
        area.caiq.ownership,
        area.caiq.exact ? "exact" : `approximate${area.caiq.note ? `: ${area.caiq.note}` : ""}`,
        cell(provider),
        cell(customer),
        thirdParties
          .map((party) => [party.name, cell(party.key)] as const)
          .filter(([, text]) => text)
          .map(([name, text]) => `${name}:\n${text}`)
          .join("\n\n"),
        area.references.map((ref) => `${ref.framework} ${ref.control}`).join("\n"),
      ]);
      row.alignment = { vertical: "top", wrapText: true };
    }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: ws.rowCount, column: caiqColumns.length } };

  const about = workbook.addWorksheet("About");
  about.columns = [{ width: 28 }, { width: 90 }];
  for (const [label, value] of coverLines(data)) about.addRow([label, value]).getCell(1).font = { bold: true };
  about.addRow([]);
  about.addRow([
    "Ownership",
    "CAIQ v4 has no value for best-effort support or for a third party sharing with the customer: the nearest value is used and marked approximate.",
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
