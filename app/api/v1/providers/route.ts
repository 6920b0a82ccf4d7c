import { z } from "zod";
import { handleRoute } from "@/lib/api/handle-route";
import { listProviders } from "@/lib/providers/list-providers";
import { providerSummaryDto } from "@/lib/validation/api";

export const GET = handleRoute(z.object({ providers: z.array(providerSummaryDto) }), async ({ actor }) => ({
  providers: await listProviders({ actor }),
}));
