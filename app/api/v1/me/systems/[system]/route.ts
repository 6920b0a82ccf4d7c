import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { systemForApi } from "@/lib/systems/system-api";
import { systemApiDto } from "@/lib/validation/system-api";

/** One system of the caller's organization, resolved: tiers, bindings, counts, gaps and every duty with its trail. */
export const GET = handleRoute(systemApiDto, ({ actor, params }: RouteInput<{ system: string }>) =>
  systemForApi({ actor, system: params.system }),
);
