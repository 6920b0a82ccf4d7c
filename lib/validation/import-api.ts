// What POST /api/v1/providers/{provider}/import answers: the preview (dryRun=1) or the result.
// Allowlisted like every API output; rows carry how each cell was read, as the browser preview does.
import { z } from "zod";
import { assignmentValues } from "@/lib/domain/assignment";

const count = z.number().int().nonnegative();
const duty = z.object({ text: z.string(), strength: z.enum(["should", "may", "excluded"]).optional() });

const matrixPreviewRow = z.object({
  line: z.number().int(),
  name: z.string(),
  groups: z.array(z.string()),
  assignment: z.enum(assignmentValues).nullable(),
  assignmentSource: z.string(),
  effect: z.enum(["added", "changed", "unchanged"]).nullable(),
  errors: z.array(z.string()),
  cells: z.array(
    z.object({
      party: z.string(),
      header: z.string(),
      kind: z.enum(["duties", "not-applicable", "empty", "raci"]),
      duties: z.array(duty),
      raci: z.string().nullable(),
      notes: z.array(z.string()),
    }),
  ),
});

export const importResponseDto = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("matrix-preview"),
    service: z.string(),
    mode: z.enum(["replace", "append"]),
    split: z.enum(["lines", "commas"]),
    counts: z.object({ rows: count, added: count, changed: count, unchanged: count, removed: count, errors: count }),
    removed: z.array(z.string()),
    problems: z.array(z.string()),
    rows: z.array(matrixPreviewRow),
  }),
  z.object({
    kind: z.literal("matrix-import"),
    draftVersion: count,
    counts: z.object({ rows: count, added: count, changed: count, unchanged: count, removed: count }),
  }),
  z.object({
    kind: z.literal("provider-preview"),
    outcome: z.enum(["create", "draft"]).nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    counts: z.record(z.string(), count).nullable(),
  }),
  z.object({
    kind: z.literal("provider-import"),
    outcome: z.enum(["created", "draft"]),
    slug: z.string(),
    draftVersion: count,
  }),
]);

export type ImportResponseDto = z.infer<typeof importResponseDto>;
