// Two versions' difference as a file, for the versions the actor may see (a customer of a private
// provider sees only their subscribed services in both), recorded in the audit log.
import "server-only";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { diffProviderDocuments } from "@/lib/model/diff";
import { AppError } from "@/lib/errors";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { getVersionDocuments } from "@/lib/versions/version-history";
import { renderDiffCsv } from "./diff-csv";
import { diffReport } from "./diff-report";
import { renderPdfOffThread } from "./pdf/render-pdf-off-thread";

export const diffExportFormats = ["pdf", "csv"] as const;

export async function exportVersionDiff(options: {
  actor: Actor;
  provider: string;
  from: number;
  to: number;
  format: (typeof diffExportFormats)[number];
}): Promise<FileResponse> {
  const data = await getVersionDocuments({
    actor: options.actor,
    provider: options.provider,
    numbers: [options.from, options.to],
  });
  if (!data) throw new AppError("NOT_FOUND", `No provider "${options.provider}".`);
  const before = data.documents.get(options.from);
  const after = data.documents.get(options.to);
  if (!before || !after)
    throw new AppError(
      "NOT_FOUND",
      `“${data.scope.provider.name}” has no version ${before ? options.to : options.from}.`,
    );
  const file = await renderDiff(options.format, before, after, data.scope.provider);
  // Recorded once the file exists: a refused rendering (the renderer busy) downloaded nothing.
  await recordAudit({
    tx: getDb(),
    actor: options.actor,
    action: "export.download",
    target: { type: "provider", id: data.scope.provider.id },
    providerId: data.scope.provider.id,
    after: { format: options.format, from: options.from, to: options.to, view: "diff" },
  });
  return file;
}

type VersionDocument = { number: number; publishedAt: Date; contentHash: string; document: ProviderDocument };

async function renderDiff(
  format: (typeof diffExportFormats)[number],
  before: VersionDocument,
  after: VersionDocument,
  provider: { name: string; slug: string },
): Promise<FileResponse> {
  const diff = diffProviderDocuments(before.document, after.document);
  const rowOptions = { provider: provider.name, parties: after.document.parties };
  const filename = `${provider.slug}-v${before.number}-v${after.number}-changes`;
  if (format === "csv")
    return {
      body: renderDiffCsv(diff, rowOptions),
      contentType: "text/csv; charset=utf-8",
      filename: `${filename}.csv`,
    };
  const stamp = (v: VersionDocument) => ({
    number: v.number,
    publishedAt: v.publishedAt.toISOString(),
    contentHash: v.contentHash,
  });
  const report = diffReport(diff, { ...rowOptions, from: stamp(before), to: stamp(after) });
  return {
    body: await renderPdfOffThread({ kind: "report", data: report }),
    contentType: "application/pdf",
    filename: `${filename}.pdf`,
  };
}
