// Two versions' difference as a file, for the versions the actor may see (a customer of a private
// provider sees only their subscribed services in both), recorded in the audit log.
import "server-only";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { diffProviderDocuments } from "@/lib/domain/diff";
import { AppError } from "@/lib/errors";
import { getVersionDocuments } from "@/lib/versions/version-history";
import { renderDiffCsv } from "./diff-csv";

export const diffExportFormats = ["csv"] as const;

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
  await recordAudit({
    tx: getDb(),
    actor: options.actor,
    action: "export.download",
    target: { type: "provider", id: data.scope.provider.id },
    providerId: data.scope.provider.id,
    after: { format: options.format, from: options.from, to: options.to, view: "diff" },
  });
  return {
    body: renderDiffCsv(diffProviderDocuments(before.document, after.document), {
      provider: data.scope.provider.name,
      parties: after.document.parties,
    }),
    contentType: "text/csv; charset=utf-8",
    filename: `${data.scope.provider.slug}-v${options.from}-v${options.to}-changes.csv`,
  };
}
