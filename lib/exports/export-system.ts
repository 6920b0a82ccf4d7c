// A system's tracking sheet (CSV, XLSX) or plan (OSCAL SSP) as a file, for its organization's
// members and for admins and auditors; recorded in the audit log once the file exists.
import "server-only";
import { z } from "zod";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { getSystemTracking, type SystemTrackingView } from "@/lib/systems/get-system-tracking";
import { toSystemOscalSsp } from "./oscal/oscal-system-ssp";
import { renderTrackingCsv, renderTrackingXlsx } from "./tracking-sheet";

export const systemExportFormats = ["csv", "xlsx", "oscal-ssp"] as const;
export type SystemExportFormat = (typeof systemExportFormats)[number];

const exportQuery = z.object({
  format: z.enum(systemExportFormats, { error: `Use one of ${systemExportFormats.join(", ")}` }),
});

/** The `format` a request asks for. */
export function systemExportFormat(request: Request): SystemExportFormat {
  return parseInput(exportQuery, { format: new URL(request.url).searchParams.get("format") ?? undefined }).format;
}

export async function exportSystem(options: {
  actor: Actor;
  organization?: string | null;
  system: string;
  format: SystemExportFormat;
}): Promise<FileResponse> {
  // Authorizes (the organization's member, or an admin or auditor) before anything is read.
  const view = await getSystemTracking(options);
  if (!view.tracked)
    throw new AppError("CONFLICT", "This system no longer fits its services: fix it in the editor, then export it.");
  const base = `${view.system.organization.slug}-${view.system.slug}`;
  const file = await renderSystem(view, options.format, base);
  await recordAudit({
    tx: getDb(),
    actor: options.actor,
    action: "export.download",
    target: { type: "system", id: view.system.id },
    after: { format: options.format, organization: view.system.organization.slug, system: view.system.slug },
  });
  return file;
}

async function renderSystem(view: SystemTrackingView, format: SystemExportFormat, base: string): Promise<FileResponse> {
  switch (format) {
    case "csv":
      return {
        body: renderTrackingCsv(view),
        contentType: "text/csv; charset=utf-8",
        filename: `${base}-tracking.csv`,
      };
    case "xlsx":
      return {
        body: await renderTrackingXlsx(view),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `${base}-tracking.xlsx`,
      };
    case "oscal-ssp":
      return {
        body: JSON.stringify(toSystemOscalSsp(view), null, 2),
        contentType: "application/json",
        filename: `${base}-ssp.json`,
      };
  }
}
