// One responsibility area (a matrix row) and the groups rows sit in. Every party of the provider
// may have a cell on a row: its duties (each with a strength), "not applicable", and RACI letters.
import { z } from "zod";
import { planeValues } from "@/lib/domain/vocabulary";
import { parseRaci } from "@/lib/domain/raci";
import { assignmentSchema, keySchema, nameSchema, optionalText, partyKeysSchema } from "./schema-parts";

export const dutySchema = z.strictObject({
  text: z.string().trim().min(1, "A duty cannot be empty").max(1000, "At most 1000 characters"),
  /** Absent: "must". */
  strength: z
    .enum(["should", "may", "excluded"], { error: "Use should, may or excluded (or leave it out: must)" })
    .optional(),
});

export const partyCellSchema = z.strictObject({
  /** Key of one of the provider's parties. */
  party: keySchema,
  duties: z.array(dutySchema).max(100, "At most 100 duties"),
  /** The source marks this party "N/A" here, as opposed to listing nothing ("-"). */
  notApplicable: z.boolean().optional(),
  /** RACI letters in R, A, C, I order ("RA"). */
  raci: z
    .string()
    .trim()
    .refine((value) => parseRaci(value) === value, 'Use RACI letters in R, A, C, I order, e.g. "RA" or "CI"')
    .optional(),
});

/** A control of a named framework the area implements or maps to (CSA CCM IAM-02, ISO/IEC 27001:2022 A.5.15). */
export const frameworkReferenceSchema = z.strictObject({
  framework: z.string().trim().min(1, "Name the framework").max(100, "At most 100 characters"),
  control: z.string().trim().min(1, "Name the control").max(100, "At most 100 characters"),
});

export const areaGroupSchema = z.strictObject({
  key: keySchema,
  title: nameSchema,
  /** As the source numbers it, e.g. "3.1.2". */
  number: optionalText(20),
  description: optionalText(4000),
  /** Key of the group this one sits in; absent for a top-level group. */
  parent: keySchema.optional(),
});

export const areaSchema = z.strictObject({
  /** Stable within its list (a service's areas, or the cross-cutting areas): links, diffs and exports use it. */
  key: keySchema,
  name: nameSchema,
  /** Key of the group the row sits in. */
  group: keySchema.optional(),
  assignment: assignmentSchema,
  /** Party keys that carry the area; omitted means the default for the assignment (see defaultParties). */
  parties: partyKeysSchema.optional(),
  /** Why the assignment differs from what the row's RACI letters imply. */
  assignmentReason: optionalText(1000),
  /** One cell per party that has anything here, in the provider's party order. */
  cells: z.array(partyCellSchema).max(10),
  references: z.array(frameworkReferenceSchema).max(50).optional(),
  notes: optionalText(4000),
  /** Present when the row is the team's reading of a figure, not a transcription; says how it was read. */
  interpretation: optionalText(4000),
  /** Key of one of the service's layers. */
  layer: keySchema.optional(),
  plane: z.enum(planeValues).optional(),
});

export type Duty = z.infer<typeof dutySchema>;
export type PartyCell = z.infer<typeof partyCellSchema>;
export type AreaGroup = z.infer<typeof areaGroupSchema>;
