import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { changeImpactExportFormat, exportChangeImpact } from "@/lib/exports/export-change-impact";

/** What a new version changes for the caller's organization, as a file: `format=pdf|csv`. */
export const GET = handleFileRoute(async ({ request, actor, params }: RouteInput<{ impact: string }>) => {
  return exportChangeImpact({ actor, id: params.impact, format: changeImpactExportFormat(request) });
});
