import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { AppError } from "@/lib/errors";
import { getService } from "@/lib/providers/get-service";
import { publishedEtag } from "@/lib/published/published-etag";
import { serviceDetailDto } from "@/lib/validation/api";

type Input = RouteInput<{ provider: string; service: string }>;

export const GET = handleRoute(
  serviceDetailDto,
  async ({ params, actor }: Input) => {
    const service = await getService({ actor, provider: params.provider, service: params.service });
    if (!service) throw new AppError("NOT_FOUND", `No service "${params.service}" for provider "${params.provider}".`);
    return service;
  },
  // Tagged only when the service exists, so an unknown one is a 404 even to a client holding a tag.
  {
    etag: async ({ params, actor }: Input) =>
      (await getService({ actor, provider: params.provider, service: params.service }))
        ? publishedEtag({ actor, provider: params.provider, part: `service:${params.service}` })
        : null,
  },
);
