import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The AppError a refused operation throws (the test fails when it succeeds or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
