import { z } from "zod";
import { handleRoute, type RouteInput } from "@/lib/api/handle-route";
import { AppError } from "@/lib/errors";
import { verifiedVersionDto, verifyContentHash } from "@/lib/versions/verify-content-hash";

type Params = { hash: string };

const verifyResponse = z.object({ hash: z.string(), versions: z.array(verifiedVersionDto) });

/**
 * The published versions a content hash (printed on every export) belongs to, with the newest
 * version of each provider. A hash nobody may see is the same 404 as an unknown one.
 */
export const GET = handleRoute(verifyResponse, async ({ params, actor }: RouteInput<Params>) => {
  const versions = await verifyContentHash({ actor, hash: params.hash });
  if (versions.length === 0) throw new AppError("NOT_FOUND", "No published version you can see has this content hash.");
  return { hash: params.hash.trim().toLowerCase(), versions };
});
