import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerDocumentSchema } from "@/lib/validation/provider-document";

type Params = { provider: string };

// The published model as a provider document: the JSON the import reads back (export → import gives
// the same content). Only what the actor may see: a customer who sees a private provider through
// its subscriptions gets the subscribed services only.
const exportDocument = handleRoute(providerDocumentSchema, async ({ params, actor }: RouteInput<Params>) => {
  const db = getDb();
  const provider = await db.provider.findFirst({
    where: { AND: [{ slug: params.provider }, visibleProviderWhere(actor)] },
    select: { id: true, services: { where: visibleServiceWhere(actor), select: { slug: true } } },
  });
  if (!provider) throw new AppError("NOT_FOUND", `No provider "${params.provider}".`);
  const document = await readProviderDocument({ db, providerId: provider.id });
  const visible = new Set(provider.services.map((s) => s.slug));
  return { ...document, services: document.services.filter((s) => visible.has(s.slug)) };
});

export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  const response = await exportDocument(request, context);
  // Only found providers get here with 200, so the slug is a valid one (no header injection).
  if (response.ok)
    response.headers.set("Content-Disposition", `attachment; filename="${(await context.params).provider}.json"`);
  return response;
}
