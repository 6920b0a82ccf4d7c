import { z } from "zod";
import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { exportObligations, obligationsExportFormats } from "@/lib/exports/export-obligations";
import { parseInput } from "@/lib/validation/parse-input";

const query = z.object({
  format: z.enum(obligationsExportFormats, { error: `Use one of ${obligationsExportFormats.join(", ")}` }),
});

/** The signed-in customer's obligations as a file: `format=pdf|csv|xlsx`. */
export const GET = handleFileRoute(async ({ request, actor }: RouteInput<Record<string, never>>) => {
  const { format } = parseInput(query, { format: new URL(request.url).searchParams.get("format") ?? undefined });
  return exportObligations({ actor, format });
});
