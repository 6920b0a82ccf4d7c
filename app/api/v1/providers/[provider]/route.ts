import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { AppError } from "@/lib/errors";
import { getProvider } from "@/lib/providers/get-provider";
import { publishedEtag } from "@/lib/published/published-etag";
import { providerDetailDto } from "@/lib/validation/api";

type Input = RouteInput<{ provider: string }>;

export const GET = handleRoute(
  providerDetailDto,
  async ({ params, actor }: Input) => {
    const provider = await getProvider({ actor, slug: params.provider });
    if (!provider) throw new AppError("NOT_FOUND", `No provider "${params.provider}".`);
    return provider;
  },
  { etag: ({ params, actor }: Input) => publishedEtag({ actor, provider: params.provider }) },
);
