import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { changeImpactExportFormat, exportChangeImpact } from "@/lib/exports/export-change-impact";

/** What a new version changed for an organization, as a file for admins and auditors: `format=pdf|csv`. */
export const GET = handleFileRoute(
  async ({ request, actor, params }: RouteInput<{ organization: string; impact: string }>) => {
    return exportChangeImpact({
      actor,
      organization: params.organization,
      id: params.impact,
      format: changeImpactExportFormat(request),
    });
  },
);
