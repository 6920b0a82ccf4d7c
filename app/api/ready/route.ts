import { checkReadiness } from "@/lib/operations/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers and its migrations are current, else 503 saying which. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const { ready, ...checks } = readiness;
  return Response.json(
    { status: ready ? "ready" : "not-ready", ...checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ready ? {} : { "Retry-After": "5" }) } },
  );
}
