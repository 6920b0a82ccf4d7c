import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemTrackingForApi } from "@/lib/systems/system-api";
import { systemTrackingApiDto } from "@/lib/validation/system-api";

/** The obligations one of the caller's organization's systems leaves it, and where each stands. */
export const GET = handleRoute(systemTrackingApiDto, ({ actor, params }: RouteInput<{ system: string }>) =>
  systemTrackingForApi({ actor, system: params.system }),
);
