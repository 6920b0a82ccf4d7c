import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { exportSystem, systemExportFormat } from "@/lib/exports/export-system";

/** An organization's system as a file, for admins and auditors (and the organization's own members). */
export const GET = handleFileRoute(
  async ({ request, actor, params }: RouteInput<{ organization: string; system: string }>) => {
    return exportSystem({
      actor,
      organization: params.organization,
      system: params.system,
      format: systemExportFormat(request),
    });
  },
);
