import { userFacingError } from "@/lib/errors";
import type { ProblemDto } from "@/lib/validation/api";

/** RFC 9457 problem details. */
export function problemResponse(problem: ProblemDto): Response {
  return Response.json(problem, {
    status: problem.status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...(problem.retryAfter ? { "Retry-After": String(problem.retryAfter) } : {}),
    },
  });
}

export function errorToProblem(caught: unknown): ProblemDto {
  const error = userFacingError(caught);
  if (error) {
    return {
      type: `https://demarc.invalid/problems/${error.code.toLowerCase().replace(/_/g, "-")}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
      ...(error.retryAfterSeconds ? { retryAfter: error.retryAfterSeconds } : {}),
    };
  }
  return {
    type: "https://demarc.invalid/problems/internal",
    title: "Internal error",
    status: 500,
    detail: "Something went wrong on our side. Please try again later.",
  };
}
