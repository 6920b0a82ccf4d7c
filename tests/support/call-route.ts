/** Calls a Next.js route handler the way the framework does (params arrive as a promise). */
export async function callRoute<P extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  params: P,
  init?: RequestInit,
): Promise<{ status: number; contentType: string | null; body: unknown }> {
  // As Next.js calls it: a route without dynamic segments gets no params object.
  const given = Object.keys(params).length ? params : (undefined as unknown as P);
  const response = await handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(given) });
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.json() };
}
