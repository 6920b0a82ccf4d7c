import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST to the address in a change email's
 * List-Unsubscribe header, `?token=…`, with the body `List-Unsubscribe=One-Click`. The token alone
 * authenticates the request; no session is read.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const token = new URL(request.url).searchParams.get("token");
    if (!token || token.includes("\0"))
      throw new AppError("INVALID_INPUT", "The unsubscribe link has no token.", {
        fieldErrors: [{ path: "token", message: "Required" }],
      });
    await unsubscribe({ token });
    return new Response("Unsubscribed\n", {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    const problem = errorToProblem(error);
    if (problem.status >= 500) console.error("API route failed", request.url, error);
    return problemResponse(problem);
  }
}
