// Field schemas shared by the parts of a provider document.
import { z } from "zod";
import { assignmentValues } from "@/lib/domain/assignment";

export const slugSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(60, "At most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

export const keySchema = slugSchema;
export const nameSchema = z.string().trim().min(1, "Required").max(200, "At most 200 characters");
export const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).optional();
export const partyKeysSchema = z.array(keySchema).max(10);

export const assignmentSchema = z.enum(assignmentValues, { error: `Choose one of: ${assignmentValues.join(", ")}` });
