// What a route answered, and the rules every answer to hostile input keeps: never a 5xx, and a refusal
// is an RFC 9457 problem (application/problem+json) whose detail tells the client what was wrong.
import { expect } from "vitest";
import { problemDto, type ProblemDto } from "@/lib/validation/api";

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

export async function readAnswer(response: Response): Promise<Answer> {
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

/** The generic message of an internal error: hostile input must never end there. */
const INTERNAL_DETAIL = /something went wrong on our side/i;

/** A 4xx problem with one of the `allowed` statuses and a specific detail; returns the problem. */
export function expectProblem(answer: Answer, allowed: readonly number[]): ProblemDto {
  expect(answer.status, `expected one of ${allowed.join(", ")}: ${answer.text.slice(0, 500)}`).toBeOneOf([...allowed]);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.contentType).toBe("application/problem+json");
  const problem = problemDto.parse(JSON.parse(answer.text));
  expect(problem.status).toBe(answer.status);
  expect(problem.type).toMatch(/^https:\/\/demarc\.invalid\/problems\/[a-z-]+$/);
  expect(problem.detail?.trim(), "a refusal says what was wrong").toBeTruthy();
  expect(problem.detail).not.toMatch(INTERNAL_DETAIL);
  for (const error of problem.errors ?? []) expect(error.message.trim()).not.toBe("");
  return problem;
}

/** Whether the answer is a success (2xx) or a redirect/not-modified (3xx): the request was served. */
export const isServed = (answer: Answer) => answer.status >= 200 && answer.status < 400;

/** Any answer but a server error; a refusal must also be a proper problem. */
export function expectServedOrProblem(answer: Answer, refusals: readonly number[]): void {
  expect(answer.status, `no server error: ${answer.text.slice(0, 500)}`).toBeLessThan(500);
  if (!isServed(answer)) expectProblem(answer, refusals);
}
