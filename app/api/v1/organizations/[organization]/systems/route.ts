import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemListForApi } from "@/lib/systems/system-api";
import { systemListApiDto } from "@/lib/validation/system-api";

/** An organization's systems: admins and auditors, or the organization's own customers; otherwise 404. */
export const GET = handleRoute(systemListApiDto, ({ actor, params }: RouteInput<{ organization: string }>) =>
  systemListForApi({ actor, organization: params.organization }),
);
