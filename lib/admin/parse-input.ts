// Input validation shared by the account-administration services (users, organizations, tokens,
// subscriptions): one zod parse that turns failures into field errors, and the form version check.
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses `value` or throws INVALID_INPUT with one message per field (nothing is changed). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: { path: string; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    // The first message per field is the most useful one; the form shows one per field.
    if (!fieldErrors.some((f) => f.path === path)) fieldErrors.push({ path, message: issue.message });
  }
  throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
}

/** An id from a form or URL; unknown ids are reported by the caller (usually as NOT_FOUND). */
export const idSchema = z.uuid("Not a valid id");

/**
 * The `version` a form was rendered with. It is not a visible field, so a missing or malformed
 * value is reported for the whole form rather than as a field error.
 */
export function parseVersion(value: unknown): number {
  const parsed = z.coerce.number().int().min(1).safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", "This form is out of date or incomplete — reload the page and try again.");
}
