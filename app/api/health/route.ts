// Liveness: the process is up and answering. It touches nothing else, so a slow database never makes
// an orchestrator restart a healthy process (GET /api/ready says whether it can serve).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
