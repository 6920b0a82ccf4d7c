import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { AppError } from "@/lib/errors";
import { getProvider } from "@/lib/providers/get-provider";
import { providerDetailDto } from "@/lib/validation/api";

export const GET = handleRoute(providerDetailDto, async ({ params, actor }: RouteInput<{ provider: string }>) => {
  const provider = await getProvider({ actor, slug: params.provider });
  if (!provider) throw new AppError("NOT_FOUND", `No provider "${params.provider}".`);
  return provider;
});
