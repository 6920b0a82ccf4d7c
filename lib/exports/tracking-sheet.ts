// A system's tracking sheet as files: one row per obligation (where it comes from, status, reason
// and approver, owner, due and whether overdue, evidence, notes), as CSV and as a workbook with a
// progress summary per service. Values come from the same rows as the tracking page.
import ExcelJS from "exceljs";
import { isOverdue, obligationTrail, trackingProgress, trackingStatusLabels } from "@/lib/model/obligation-tracking";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { SystemTrackingView } from "@/lib/systems/get-system-tracking";
import { csvDocument } from "./matrix-csv";

export const trackingSheetColumns = [
  "Service",
  "Area",
  "Obligation",
  "Strength",
  "Status",
  "Changed by the provider",
  "Reason",
  "Approved by",
  "Owner",
  "Due",
  "Overdue",
  "Evidence links",
  "Notes",
  "Comes from",
  "Key",
] as const;

function tierLabels(view: SystemTrackingView): Map<string, string> {
  return new Map(
    view.system.tiers.map((t) => [
      t.tier.key,
      `${t.provider?.name ?? t.tier.provider} › ${t.input?.service.name ?? t.tier.service}`,
    ]),
  );
}

function trackingRows(view: SystemTrackingView): string[][] {
  const tiers = tierLabels(view);
  const owners = new Map(view.owners.map((o) => [o.id, o.name]));
  return (view.tracked?.obligations ?? []).map((o) => {
    const record = o.record;
    return [
      tiers.get(o.tier) ?? o.tier,
      o.areaName,
      o.text,
      dutyStrengthLabels[o.strength],
      trackingStatusLabels[o.status],
      o.review ? `Yes (recorded against: ${record?.dutyText ?? ""})` : "No",
      record?.reason ?? "",
      record?.approver ?? "",
      (record?.ownerId && owners.get(record.ownerId)) || "",
      record?.dueDate ?? "",
      isOverdue(o, view.today) ? "Yes" : "No",
      (record?.evidenceLinks ?? []).join("\n"),
      record?.notes ?? "",
      obligationTrail(o),
      o.key,
    ];
  });
}

export function renderTrackingCsv(view: SystemTrackingView): string {
  return csvDocument([trackingSheetColumns, ...trackingRows(view)]);
}

export async function renderTrackingXlsx(view: SystemTrackingView): Promise<Buffer> {
  const { system, tracked, today } = view;
  const obligations = tracked?.obligations ?? [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Demarc";
  workbook.title = `${system.organization.name}: ${system.name}: tracking sheet`;
  const about = workbook.addWorksheet("Progress");
  about.columns = [{ width: 48 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 80 }];
  about.addRow(["System", system.name]);
  about.addRow(["Organization", system.organization.name]);
  about.addRow(["As of", today]);
  about.addRow([]);
  about.addRow(["Part of the stack", "Obligations", "Settled", "Overdue", "By status"]).font = { bold: true };
  const tiers = tierLabels(view);
  const parts = [
    { label: "The whole system", items: obligations },
    ...system.tiers.map((t) => ({
      label: tiers.get(t.tier.key)!,
      items: obligations.filter((o) => o.tier === t.tier.key),
    })),
  ];
  for (const part of parts) {
    const progress = trackingProgress(part.items, today);
    about.addRow([
      part.label,
      progress.total,
      progress.settled,
      progress.overdue,
      Object.entries(progress.byStatus)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${trackingStatusLabels[status as keyof typeof trackingStatusLabels]} ${n}`)
        .join(", "),
    ]);
  }
  about.getColumn(1).font = { bold: true };

  const sheet = workbook.addWorksheet("Tracking", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = trackingSheetColumns.map((header) => ({
    header,
    width: header === "Obligation" || header === "Comes from" ? 60 : header === "Notes" ? 40 : 20,
  }));
  sheet.getRow(1).font = { bold: true };
  const overdue = trackingSheetColumns.indexOf("Overdue");
  for (const values of trackingRows(view)) {
    const row = sheet.addRow(values);
    row.alignment = { vertical: "top", wrapText: true };
    if (values[overdue] === "Yes") row.getCell(overdue + 1).font = { bold: true, color: { argb: "FFB91C1C" } };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: trackingSheetColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
