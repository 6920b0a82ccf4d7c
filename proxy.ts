// Next.js runs this before every request (the file convention for request interception must sit
// at the project root). It refuses state-changing requests from foreign pages before any server
// action or route handler sees them; see lib/security/request-origin.ts.
import { NextResponse, type NextRequest } from "next/server";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { originProblem } from "@/lib/security/request-origin";

export function proxy(request: NextRequest): Response {
  const problem = originProblem(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      origin: request.headers.get("origin"),
      authorization: request.headers.get("authorization"),
    },
    env.allowedOrigins,
  );
  if (problem) return problemResponse(errorToProblem(new AppError("FORBIDDEN", problem)));
  return NextResponse.next();
}

export const config = {
  // Static files never change state; everything else (pages with server actions, API routes) is checked.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
