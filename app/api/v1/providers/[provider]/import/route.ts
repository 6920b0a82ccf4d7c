import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { readLimitedBody } from "@/lib/api/read-limited-body";
import { importFile, importFileFormats, importResponse, type ImportFileFormat } from "@/lib/drafts/import-file";
import { AppError } from "@/lib/errors";
import { importResponseDto } from "@/lib/validation/import-api";

type Params = { provider: string };

const MAX_BODY = 4 * 1024 * 1024;

/**
 * Imports a file into the provider's draft without a browser (API token or session):
 * `?format=markdown|csv|xlsx|json`, `service=<slug>` for matrices, `mode=replace|append`,
 * `split=lines|commas`, `create=1` for a new provider from JSON, `dryRun=1` for the preview only.
 * The body is the file itself.
 */
export const POST = handleRoute(importResponseDto, async ({ request, params, actor }: RouteInput<Params>) => {
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "";
  if (!(importFileFormats as readonly string[]).includes(format))
    throw new AppError("INVALID_INPUT", `Unknown format "${format}": use one of ${importFileFormats.join(", ")}.`, {
      fieldErrors: [{ path: "format", message: `Use one of ${importFileFormats.join(", ")}` }],
    });
  const mode = query.get("mode") ?? "replace";
  const split = query.get("split") ?? "lines";
  if (mode !== "replace" && mode !== "append")
    throw new AppError("INVALID_INPUT", 'Use mode "replace" or "append".', {
      fieldErrors: [{ path: "mode", message: 'Use "replace" or "append"' }],
    });
  if (split !== "lines" && split !== "commas")
    throw new AppError("INVALID_INPUT", 'Use split "lines" or "commas".', {
      fieldErrors: [{ path: "split", message: 'Use "lines" or "commas"' }],
    });
  const bytes = await readLimitedBody(request, MAX_BODY);
  return importResponse(
    await importFile({
      actor,
      provider: params.provider,
      format: format as ImportFileFormat,
      bytes,
      service: query.get("service") ?? undefined,
      mode,
      split,
      create: query.get("create") === "1",
      dryRun: query.get("dryRun") === "1",
      fileName: query.get("fileName"),
    }),
  );
});
