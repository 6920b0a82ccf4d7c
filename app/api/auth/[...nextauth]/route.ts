import NextAuth from "next-auth";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { readLimitedBody } from "@/lib/api/read-limited-body";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors";

/** Sign-in, sign-out and CSRF bodies are a few fields: anything larger is refused before it is read in full. */
const MAX_BODY = 64 * 1024;

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if (request.method === "POST") {
    let body: Uint8Array;
    try {
      // A copy: next-auth reads the request itself, and only once this one fits the limit.
      body = await readLimitedBody(request.clone(), MAX_BODY);
    } catch (error) {
      return problemResponse(errorToProblem(error));
    }
    // next-auth parses a JSON body itself and answers 500 when it is malformed: refuse it first.
    if (/application\/json/i.test(request.headers.get("content-type") ?? "") && !isJsonObject(body))
      return problemResponse(errorToProblem(new AppError("INVALID_INPUT", "The request body must be a JSON object.")));
  }
  return NextAuth(request as never, context as never, await getAuthOptions());
}

function isJsonObject(body: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}

export { handler as GET, handler as POST };
