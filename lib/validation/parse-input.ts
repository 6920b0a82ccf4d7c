// The one way a zod failure becomes field errors ("services.0.name": message), and the input
// checks the services share: parse-or-throw, ids, and the version a form was rendered with.
import { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";

/**
 * Field errors for a zod failure, one per issue, paths joined with dots. `relativeTo` reports
 * issues inside that place relative to it (a form that edits one part of a document names its own
 * fields); an issue at the place itself, or about the whole value, is named after its last segment. `firstPerField` keeps one
 * message per field (forms show one); `emptyPath` names issues about the whole value.
 */
export function fieldErrorsFrom(
  error: z.ZodError,
  options: { relativeTo?: readonly PropertyKey[]; firstPerField?: boolean; emptyPath?: string } = {},
): FieldError[] {
  const prefix = options.relativeTo ?? [];
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const inside = prefix.every((segment, i) => issue.path[i] === segment);
    const relative = inside ? issue.path.slice(prefix.length) : issue.path;
    const path = (relative.length ? relative : prefix.slice(-1)).map(String).join(".") || (options.emptyPath ?? "");
    if (!options.firstPerField || !errors.some((f) => f.path === path)) errors.push({ path, message: issue.message });
  }
  return errors;
}

/** Parses `value` or throws INVALID_INPUT with one message per field (nothing is changed). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
    fieldErrors: fieldErrorsFrom(parsed.error, { firstPerField: true }),
  });
}

/** An id from a form or URL; unknown ids are reported by the caller (usually as NOT_FOUND). */
export const idSchema = z.uuid("Not a valid id");

/** The largest value of PostgreSQL's `integer` (versions, draft numbers): a larger one fails in the database. */
export const MAX_DATABASE_INTEGER = 2_147_483_647;

/**
 * The `version` a form was rendered with. It is not a visible field, so a missing or malformed
 * value is reported for the whole form rather than as a field error.
 */
export function parseVersion(value: unknown): number {
  const parsed = z.coerce.number().int().min(1).max(MAX_DATABASE_INTEGER).safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", "This form is out of date or incomplete — reload the page and try again.");
}
