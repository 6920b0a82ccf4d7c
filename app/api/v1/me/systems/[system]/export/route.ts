import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { exportSystem, systemExportFormat } from "@/lib/exports/export-system";

/** One of the caller's organization's systems as a file: `format=csv|xlsx` (tracking sheet) or `oscal-ssp`. */
export const GET = handleFileRoute(async ({ request, actor, params }: RouteInput<{ system: string }>) => {
  return exportSystem({ actor, system: params.system, format: systemExportFormat(request) });
});
