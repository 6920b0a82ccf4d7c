import { z } from "zod";
import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { diffExportFormats, exportVersionDiff } from "@/lib/exports/export-version-diff";
import { versionNumberSchema } from "@/lib/validation/export-query";
import { parseInput } from "@/lib/validation/parse-input";

type Params = { provider: string };

const query = z.object({
  from: versionNumberSchema,
  to: versionNumberSchema,
  format: z.enum(diffExportFormats, { error: `Use one of ${diffExportFormats.join(", ")}` }),
});

/** What changed between versions `from` and `to` as a file: `format=pdf|csv`. */
export const GET = handleFileRoute(async ({ request, params, actor }: RouteInput<Params>) => {
  const search = new URL(request.url).searchParams;
  const input = parseInput(query, {
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
    format: search.get("format") ?? undefined,
  });
  return exportVersionDiff({ actor, provider: params.provider, ...input });
});
