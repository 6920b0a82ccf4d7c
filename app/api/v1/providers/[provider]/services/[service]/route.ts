import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { AppError } from "@/lib/errors";
import { getService } from "@/lib/providers/get-service";
import { serviceDetailDto } from "@/lib/validation/api";

export const GET = handleRoute(
  serviceDetailDto,
  async ({ params, actor }: RouteInput<{ provider: string; service: string }>) => {
    const service = await getService({ actor, provider: params.provider, service: params.service });
    if (!service) throw new AppError("NOT_FOUND", `No service "${params.service}" for provider "${params.provider}".`);
    return service;
  },
);
