import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
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
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await getActor();
      const data = output.parse(await handler({ request, params: await context.params, actor }));
      return Response.json(data, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      const problem = errorToProblem(error);
      if (problem.status >= 500) console.error("API route failed", request.url, error);
      return problemResponse(problem);
    }
  };
}
