// My obligations as files: one row per customer duty (provider, service, group, area, strength,
// duty), as CSV and as a workbook with a sheet per provider. Excluded duties are never obligations
// and are not in the data (lib/obligations/get-obligations.ts leaves them out).
import ExcelJS from "exceljs";
import { assignmentMeta } from "@/lib/domain/assignment";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { ObligationsDto } from "@/lib/obligations/get-obligations";
import { csvDocument } from "./matrix-csv";
import { sheetName } from "./matrix-xlsx";

export const obligationColumns = [
  "Provider",
  "Service",
  "Group",
  "Area",
  "Assignment",
  "Strength",
  "Duty",
  "Notes",
] as const;

type Row = { provider: string; values: string[] };

function obligationRows(data: ObligationsDto): Row[] {
  return data.providers.flatMap((provider) =>
    [
      ...provider.services.map((service) => ({ service: service.name, areas: service.areas })),
      { service: "All services (cross-cutting)", areas: provider.crossCutting.areas },
    ].flatMap(({ service, areas }) =>
      areas.flatMap((area) =>
        area.duties.map((duty) => ({
          provider: provider.name,
          values: [
            provider.name,
            service,
            area.groups.join(" › "),
            area.name,
            assignmentMeta[area.assignment].label,
            dutyStrengthLabels[duty.strength],
            duty.text,
            area.notes ?? "",
          ],
        })),
      ),
    ),
  );
}

export function renderObligationsCsv(data: ObligationsDto): string {
  return csvDocument([obligationColumns, ...obligationRows(data).map((row) => row.values)]);
}

export async function renderObligationsXlsx(data: ObligationsDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Demarc";
  workbook.title = `${data.organization.name}: obligations`;
  const about = workbook.addWorksheet("About");
  about.columns = [{ width: 24 }, { width: 80 }];
  about.addRow(["Organization", data.organization.name]);
  about.addRow(["Duties", String(data.dutyCount)]);
  about.addRow(["Services", String(data.serviceCount)]);
  about.addRow([
    "What this is",
    "The customer side of each subscribed service's published shared responsibility model.",
  ]);
  about.getColumn(1).font = { bold: true };
  const rows = obligationRows(data);
  const taken = new Set(["about"]);
  for (const provider of data.providers) {
    const sheet = workbook.addWorksheet(sheetName(provider.name, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = obligationColumns.map((header) => ({
      header,
      width: header === "Duty" ? 70 : header === "Notes" ? 40 : 22,
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows.filter((r) => r.provider === provider.name))
      sheet.addRow(row.values).alignment = { vertical: "top", wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: obligationColumns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
