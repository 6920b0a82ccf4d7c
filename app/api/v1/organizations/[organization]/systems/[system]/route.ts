import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemForApi } from "@/lib/systems/system-api";
import { systemApiDto } from "@/lib/validation/system-api";

/** One system of an organization, resolved (admins and auditors, or the organization's customers). */
export const GET = handleRoute(
  systemApiDto,
  ({ actor, params }: RouteInput<{ organization: string; system: string }>) =>
    systemForApi({ actor, organization: params.organization, system: params.system }),
);
