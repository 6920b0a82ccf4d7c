import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { recordObligationForApi } from "@/lib/systems/system-api";
import { recordedObligationApiDto } from "@/lib/validation/system-api";

type Params = { system: string; obligation: string };

/**
 * Records where one obligation of the caller's organization's system stands (JSON body: `version` as
 * read, 0 when nothing is recorded, and status, reason, approver, ownerId, dueDate, evidenceLinks, notes).
 */
export const POST = handleRoute(recordedObligationApiDto, ({ actor, params, request }: RouteInput<Params>) =>
  recordObligationForApi({ actor, system: params.system, obligation: params.obligation, request }),
);
