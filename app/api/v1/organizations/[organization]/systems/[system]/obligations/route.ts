import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemTrackingForApi } from "@/lib/systems/system-api";
import { systemTrackingApiDto } from "@/lib/validation/system-api";

/** An organization's system's obligations and where each stands: admins, auditors and its own customers. */
export const GET = handleRoute(
  systemTrackingApiDto,
  ({ actor, params }: RouteInput<{ organization: string; system: string }>) =>
    systemTrackingForApi({ actor, organization: params.organization, system: params.system }),
);
