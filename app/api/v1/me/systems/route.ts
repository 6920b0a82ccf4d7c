import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemListForApi } from "@/lib/systems/system-api";
import { systemListApiDto } from "@/lib/validation/system-api";

/** The systems of the caller's organization (customers; a session or an API token). */
export const GET = handleRoute(systemListApiDto, ({ actor }: RouteInput<Record<string, never>>) =>
  systemListForApi({ actor }),
);
