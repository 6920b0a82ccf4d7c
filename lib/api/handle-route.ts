import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { withRequestMemo } from "@/lib/request-memo";
import { cacheHeaders, isNotModified } from "./conditional";
import { errorToProblem, problemResponse } from "./problem";

type Params = Record<string, string>;

export interface RouteInput<P extends Params> {
  request: Request;
  params: P;
  actor: Actor;
}

/**
 * The one wrapper for API route handlers: resolves who is asking (API token or session; an
 * invalid token is a 401), awaits params, parses the result through its DTO schema (only
 * allowlisted fields leave the server) and maps errors to problem details. Handlers pass the
 * actor to data functions, which decide what it may see.
 */
export function handleRoute<P extends Params, S extends z.ZodType>(
  output: S,
  handler: (input: RouteInput<P>) => Promise<z.input<S>>,
  options: {
    /** The ETag of what the handler would answer, found without building it; null: nothing to tag. */
    etag?: (input: RouteInput<P>) => Promise<string | null>;
  } = {},
) {
  return (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    withRequestMemo(async () => {
      try {
        const actor = await getActor();
        const input = { request, params: refuseNul(request, await context.params), actor };
        const etag = options.etag ? await options.etag(input) : null;
        if (etag && isNotModified(request, etag))
          return new Response(null, { status: 304, headers: cacheHeaders(actor, etag) });
        const data = output.parse(await handler(input));
        return Response.json(data, { headers: etag ? cacheHeaders(actor, etag) : { "Cache-Control": "no-store" } });
      } catch (error) {
        const problem = errorToProblem(error);
        if (problem.status >= 500) console.error("API route failed", request.url, error);
        return problemResponse(problem);
      }
    });
}

/**
 * PostgreSQL text cannot hold a NUL character (a lookup with one fails in the database), so an
 * address whose parameters or query hold one is refused here, for every route, before any handler
 * reads it: a parameter names nothing (404), a query value is invalid (400).
 */
function refuseNul<P extends Params>(request: Request, params: P | undefined): P {
  // Next.js gives a route without dynamic segments no params at all.
  params ??= {} as P;
  for (const [name, value] of Object.entries(params))
    if (value.includes("\0"))
      throw new AppError("NOT_FOUND", `Nothing is found here: the ${name} holds a NUL character.`);
  for (const [name, value] of new URL(request.url).searchParams)
    if (name.includes("\0") || value.includes("\0"))
      throw new AppError("INVALID_INPUT", "The query holds a NUL character.", {
        fieldErrors: [{ path: name.replace(/\0/g, ""), message: "Remove the NUL character" }],
      });
  return params;
}

/** A file to download: its bytes, media type and the name it is saved under. */
export interface FileResponse {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/**
 * The wrapper for routes that answer with a file (exports): the same actor resolution and problem
 * details as handleRoute; the filename is built by the server from checked slugs, never from input.
 */
export function handleFileRoute<P extends Params>(handler: (input: RouteInput<P>) => Promise<FileResponse>) {
  return (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    withRequestMemo(async () => {
      try {
        const actor = await getActor();
        const file = await handler({ request, params: refuseNul(request, await context.params), actor });
        return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
          headers: {
            "Content-Type": file.contentType,
            "Content-Disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
          },
        });
      } catch (error) {
        const problem = errorToProblem(error);
        if (problem.status >= 500) console.error("API route failed", request.url, error);
        return problemResponse(problem);
      }
    });
}
