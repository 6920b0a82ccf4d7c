import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { exportProvider } from "@/lib/exports/export-provider";
import { exportProviderDocument } from "@/lib/transfer/export-provider-document";
import { exportQueryInput, providerExportQuery } from "@/lib/validation/export-query";
import { parseInput } from "@/lib/validation/parse-input";
import { providerDocumentSchema } from "@/lib/validation/provider-document";

type Params = { provider: string };

/**
 * A provider as a file: `format=json|pdf|csv|xlsx|oscal-ssp|oscal-catalog|caiq` (JSON when absent),
 * `version=N` (the newest published one when absent), `service=<slug>`, `model=<deployment model>`
 * (with a service), and the matrix filters `assignment=a,b`, `q=text`, `party=a,b`, `layer=a,b` and
 * `framework=A,B`. Visible providers only.
 */
export const GET = handleFileRoute(async ({ request, params, actor }: RouteInput<Params>) => {
  const query = parseInput(providerExportQuery, exportQueryInput(new URL(request.url)));
  if (query.format === "json" && query.version === undefined && !query.service) {
    // The published model as the import reads it back (export → import gives the same document).
    const document = providerDocumentSchema.parse(await exportProviderDocument({ actor, provider: params.provider }));
    return {
      body: JSON.stringify(document, null, 2),
      contentType: "application/json",
      filename: `${params.provider}.json`,
    };
  }
  return exportProvider({
    actor,
    provider: params.provider,
    version: query.version,
    service: query.service,
    model: query.model,
    filters: {
      assignments: query.assignment,
      query: query.q,
      parties: query.party,
      layers: query.layer,
      frameworks: query.framework,
    },
    format: query.format,
  });
});
