import NextAuth from "next-auth";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth parses a JSON body itself and answers 500 when it is malformed: refuse it first.
  if (request.method === "POST" && /application\/json/i.test(request.headers.get("content-type") ?? "")) {
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => undefined);
    if (body === null || typeof body !== "object" || Array.isArray(body))
      return problemResponse(errorToProblem(new AppError("INVALID_INPUT", "The request body must be a JSON object.")));
  }
  return NextAuth(request as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
