// The "New provider" form: what a provider needs before its first service, checked field by field,
// and the draft document it becomes (no services yet; the parties to start from).
import { z } from "zod";
import { slugify, uniqueSlugs } from "@/lib/domain/slug";
import { webUrlSchema, type ProviderDocument } from "./provider-document";
import { nameSchema, slugSchema } from "./schema-parts";

const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const newProviderSchema = z.object({
  name: nameSchema,
  /** Empty: made from the name. */
  slug: optionalField(slugSchema),
  summary: z.string().trim().min(1, "Required").max(4000, "At most 4000 characters"),
  brandColor: z.string().regex(/^#[0-9a-f]{6}$/i, "Use a hex colour such as #1d4ed8"),
  sourceTitle: nameSchema,
  sourceDocument: z.string().trim().min(1, "Required").max(500, "At most 500 characters"),
  sourceUrl: optionalField(webUrlSchema),
  isPrivate: z.boolean(),
  customerName: nameSchema,
  /** One third party per line, e.g. "Hyperscaler" or "hyperscaler: AWS". */
  thirdParties: z
    .string()
    .max(2000, "At most 2000 characters")
    .transform((text) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length <= 8, "At most 8 third parties"),
});

export type NewProviderInput = z.input<typeof newProviderSchema>;

export function newProviderDocument(input: z.output<typeof newProviderSchema>): ProviderDocument {
  const thirdPartyKeys = uniqueSlugs(
    input.thirdParties.map((line) => (line.includes(":") ? line.slice(0, line.indexOf(":")) : line)),
    ["provider", "customer"],
  );
  return {
    slug: input.slug ?? slugify(input.name, "provider"),
    name: input.name,
    summary: input.summary,
    brandColor: input.brandColor,
    ...(input.isPrivate ? { isPrivate: true } : {}),
    source: {
      title: input.sourceTitle,
      document: input.sourceDocument,
      ...(input.sourceUrl ? { url: input.sourceUrl } : {}),
    },
    parties: [
      { key: "provider", name: input.name, role: "provider" },
      { key: "customer", name: input.customerName, role: "customer" },
      ...input.thirdParties.map((line, i) => ({
        key: thirdPartyKeys[i]!,
        name: (line.includes(":") ? line.slice(line.indexOf(":") + 1) : line).trim().slice(0, 200) || line,
        role: "third-party" as const,
      })),
    ],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingGroups: [],
    crossCuttingAreas: [],
    services: [],
  };
}
