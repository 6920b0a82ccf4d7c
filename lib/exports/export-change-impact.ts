// What a new version changes for the signed-in customer's organization (or, for staff, the one named),
// as a file (PDF or CSV) to file as evidence that the change was seen and handled; recorded in the
// audit log like every export.
import "server-only";
import { z } from "zod";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getChangeImpact, type ChangeImpactView } from "@/lib/notifications/get-change-impact";
import { parseInput } from "@/lib/validation/parse-input";
import { renderChangeImpactCsv, type ChangeImpactFileData, type ImpactVersionStamp } from "./change-impact-csv";
import { changeImpactReport } from "./change-impact-report";
import { renderPdfOffThread } from "./pdf/render-pdf-off-thread";

export const changeImpactExportFormats = ["pdf", "csv"] as const;
export type ChangeImpactExportFormat = (typeof changeImpactExportFormats)[number];

const exportQuery = z.object({
  format: z.enum(changeImpactExportFormats, { error: `Use one of ${changeImpactExportFormats.join(", ")}` }),
});

/** The `format` a request asks for. */
export function changeImpactExportFormat(request: Request): ChangeImpactExportFormat {
  return parseInput(exportQuery, { format: new URL(request.url).searchParams.get("format") ?? undefined }).format;
}

export async function exportChangeImpact(options: {
  actor: Actor;
  id: string;
  format: ChangeImpactExportFormat;
  /** Another organization's slug, for staff (read:changes:any); the actor's own when not given. */
  organization?: string;
}): Promise<FileResponse> {
  // Authorizes (a customer of the impact's organization, or staff) before anything is read.
  const view = await getChangeImpact({ actor: options.actor, id: options.id, organization: options.organization });
  const db = getDb();
  const row = await db.changeImpact.findUniqueOrThrow({
    where: { id: view.id },
    select: {
      providerId: true,
      provider: {
        select: {
          versions: {
            where: { number: { in: [view.fromVersion, view.toVersion] } },
            select: { number: true, publishedAt: true, contentHash: true },
          },
        },
      },
    },
  });
  const stamp = (number: number): ImpactVersionStamp => {
    const version = row.provider.versions.find((v) => v.number === number);
    return {
      number,
      publishedAt: version?.publishedAt.toISOString() ?? null,
      contentHash: version?.contentHash ?? null,
    };
  };
  const data = fileData(view, stamp(view.fromVersion), stamp(view.toVersion));
  const base = `${view.organization.slug}-${view.provider.slug}-v${view.fromVersion}-to-v${view.toVersion}-changes`;
  const file = await renderChangeImpact(data, options.format, base);
  // Recorded once the file exists: a refused rendering (the renderer busy) downloaded nothing.
  await recordAudit({
    tx: db,
    actor: options.actor,
    action: "export.download",
    target: { type: "impact", id: view.id },
    providerId: row.providerId,
    after: {
      format: options.format,
      organization: view.organization.slug,
      from: view.fromVersion,
      to: view.toVersion,
    },
  });
  return file;
}

function fileData(view: ChangeImpactView, from: ImpactVersionStamp, to: ImpactVersionStamp): ChangeImpactFileData {
  return {
    organization: { slug: view.organization.slug, name: view.organization.name },
    provider: view.provider,
    from,
    to,
    actionRequired: view.actionRequired,
    informational: view.informational,
    acknowledged: view.acknowledged && { at: view.acknowledged.at.toISOString(), by: view.acknowledged.by },
    recordedAt: view.createdAt.toISOString(),
    note: view.note,
    publishedBy: view.publishedBy,
    systems: view.systems,
  };
}

async function renderChangeImpact(
  data: ChangeImpactFileData,
  format: ChangeImpactExportFormat,
  base: string,
): Promise<FileResponse> {
  switch (format) {
    case "pdf":
      return {
        body: await renderPdfOffThread({ kind: "report", data: changeImpactReport(data) }),
        contentType: "application/pdf",
        filename: `${base}.pdf`,
      };
    case "csv":
      return { body: renderChangeImpactCsv(data), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
  }
}
