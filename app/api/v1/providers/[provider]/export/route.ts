import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { exportProviderDocument } from "@/lib/transfer/export-provider-document";
import { providerDocumentSchema } from "@/lib/validation/provider-document";

type Params = { provider: string };

const exportDocument = handleRoute(providerDocumentSchema, ({ params, actor }: RouteInput<Params>) =>
  exportProviderDocument({ actor, provider: params.provider }),
);

export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  const response = await exportDocument(request, context);
  // Only found providers get here with 200, so the slug is a valid one (no header injection).
  if (response.ok)
    response.headers.set("Content-Disposition", `attachment; filename="${(await context.params).provider}.json"`);
  return response;
}
