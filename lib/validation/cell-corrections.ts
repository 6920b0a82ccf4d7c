// Cells an editor corrected in an import preview, sent back with the file (a JSON form field).
import { z } from "zod";
import { AppError } from "@/lib/errors";

const position = z.number().int().min(0).max(1_000_000);

export const cellCorrectionsSchema = z
  .array(z.strictObject({ table: position, line: position, column: position, text: z.string().max(10_000) }))
  .max(2_000);

export type CellCorrections = z.infer<typeof cellCorrectionsSchema>;

/** The corrections field: "" means none; anything malformed is refused with a field error. */
export function parseCellCorrections(json: string): CellCorrections {
  if (json.trim() === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = cellCorrectionsSchema.safeParse(value);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", "The corrected cells could not be read. Preview the file again.", {
      fieldErrors: [{ path: "corrections", message: "Not a list of corrected cells" }],
    });
  return parsed.data;
}
