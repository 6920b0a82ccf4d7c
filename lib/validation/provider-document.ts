// The one schema for a provider's whole model: seed files, imports and edits are checked by it.
import { z } from "zod";
import { partyRoles } from "@/lib/domain/assignment";
import { complianceKinds, contactKinds, serviceCategories, type ContactKind } from "@/lib/domain/vocabulary";
import { contactLinkMessage, isWebUrl, webUrlMessage } from "@/lib/domain/web-url";
import { areaGroupSchema, areaSchema } from "./area-schema";
import { checkDocumentReferences } from "./document-references";
import {
  assignmentSchema,
  keySchema,
  nameSchema as name,
  optionalText,
  partyKeysSchema,
  slugSchema,
} from "./schema-parts";

export { areaSchema, areaGroupSchema } from "./area-schema";
export { assignmentSchema, slugSchema } from "./schema-parts";

/** An http(s) address: other schemes (javascript:, data:, file:) are refused. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((value) => isWebUrl(value), webUrlMessage);

export const contactSchema = z
  .strictObject({
    kind: z.enum(contactKinds),
    label: name,
    value: z.string().trim().min(1).max(500),
    purpose: optionalText(1000),
  })
  .superRefine((contact, ctx) => {
    const problem = contactValueProblem(contact);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

/** Why a contact's value does not fit its kind: links are web or mailto: links, emails are addresses. */
export function contactValueProblem(contact: { kind: ContactKind; value: string }): string | null {
  if (contact.kind === "url" && !isWebUrl(contact.value, { mailto: true })) return contactLinkMessage;
  if (contact.kind === "email" && !z.email().safeParse(contact.value.trim()).success)
    return "Use an email address such as security@example.com";
  return null;
}

export const partySchema = z.strictObject({
  key: keySchema,
  name,
  role: z.enum(partyRoles),
  description: optionalText(2000),
});

export const componentSchema = z.strictObject({
  key: keySchema,
  name,
  description: optionalText(4000),
  /** null: nobody assigned yet. */
  assignment: assignmentSchema.nullable(),
  parties: partyKeysSchema.optional(),
  instances: z.number().int().min(1).max(12).optional(),
  interpretation: optionalText(4000),
  /** Key of the service's area (matrix row) this box corresponds to; the checks compare their assignments. */
  area: keySchema.optional(),
  /** Why the box's assignment differs from its area's, when it does (the team's reading of both). */
  areaInterpretation: optionalText(4000),
  /**
   * Key of another component of the same layer on which this one is drawn as a marker (◆), not as a box
   * of its own: STACKIT's EdgeHostLet sits inside every Talos Linux instance.
   */
  markerOn: keySchema.optional(),
});

export const layerSchema = z.strictObject({
  key: keySchema,
  name,
  description: optionalText(4000),
  assignment: assignmentSchema.nullable().optional(),
  parties: partyKeysSchema.optional(),
  interpretation: optionalText(4000),
  /** Key of the service's area (matrix row) this layer corresponds to; the checks compare their assignments. */
  area: keySchema.optional(),
  /** Why the layer's assignment differs from its area's, when it does. */
  areaInterpretation: optionalText(4000),
  components: z.array(componentSchema).max(50),
});

export const deploymentAssignmentSchema = z
  .strictObject({
    /** "layerKey/componentKey" */
    component: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'Use "layer/component" keys')
      .optional(),
    /** Key of one of the service's areas. */
    area: keySchema.optional(),
    assignment: assignmentSchema,
    parties: partyKeysSchema.optional(),
    interpretation: optionalText(4000),
  })
  .refine((a) => (a.component === undefined) !== (a.area === undefined), {
    message: "Name exactly one of component or area",
  });

export const deploymentModelSchema = z.strictObject({
  key: keySchema,
  name,
  description: optionalText(4000),
  /** Key of the model this one is a variant of (Contain: "Air-Gapped" under "Customer Datacenters"). */
  group: keySchema.optional(),
  interpretation: optionalText(4000),
  /**
   * The source names this model but leaves open how responsibility divides under it: readers are told
   * so, and see only what the model inherits (its group's assignments), not a reading of our own.
   */
  open: z.boolean().optional(),
  assignments: z.array(deploymentAssignmentSchema).max(500),
});

export const serviceSchema = z.strictObject({
  slug: slugSchema,
  name,
  category: z.enum(serviceCategories),
  summary: z.string().trim().min(1, "Required").max(4000),
  sourceSection: optionalText(100),
  /** Nested groups of the service's areas, in order (a group names its parent). */
  groups: z.array(areaGroupSchema).max(200).default([]),
  areas: z.array(areaSchema).max(500),
  /** Bottom layer first. */
  layers: z.array(layerSchema).max(20),
  deploymentModels: z.array(deploymentModelSchema).max(30),
});

export const providerDocumentSchema = z
  .strictObject({
    slug: slugSchema,
    name,
    summary: z.string().trim().min(1, "Required").max(4000),
    brandColor: z.string().regex(/^#[0-9a-f]{6}$/i, "Use a hex colour such as #1d4ed8"),
    isPrivate: z.boolean().optional(),
    source: z.strictObject({
      title: name,
      /** The document transcribed, e.g. "shared/seed-docs/004_827cda325b6e9bfa.txt". */
      document: z.string().trim().min(1).max(500),
      url: webUrlSchema.optional(),
      retrieved: optionalText(40),
    }),
    parties: z.array(partySchema).min(2).max(10),
    compliance: z.array(
      z.strictObject({
        kind: z.enum(complianceKinds),
        name,
        clause: optionalText(200),
        notes: optionalText(2000),
      }),
    ),
    contacts: z.array(contactSchema),
    /** Markdown, written in the team's own words. */
    sections: z.array(z.strictObject({ slug: slugSchema, title: name, body: z.string().trim().min(1).max(20000) })),
    crossCuttingGroups: z.array(areaGroupSchema).max(200).default([]),
    crossCuttingAreas: z.array(areaSchema).max(500),
    services: z.array(serviceSchema).max(100),
  })
  .superRefine((doc, ctx) => {
    const report = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    checkStorableText(doc, [], report);
    checkDocumentReferences(doc, report);
  });

/**
 * Why a text cannot be stored, or null: PostgreSQL's text and JSON columns refuse the NUL character
 * and unpaired UTF-16 surrogates (which only a JSON escape such as "\ud800" can produce).
 */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes("\0")) return "Remove the NUL character";
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text))
    return "Remove the broken character (an unpaired surrogate)";
  return null;
}

/** Reports every string of the document that cannot be stored, at its path. */
function checkStorableText(
  value: unknown,
  path: PropertyKey[],
  report: (path: PropertyKey[], message: string) => void,
) {
  if (typeof value === "string") {
    const problem = unstorableTextProblem(value);
    if (problem) report(path, problem);
  } else if (Array.isArray(value)) value.forEach((item, i) => checkStorableText(item, [...path, i], report));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) checkStorableText(item, [...path, key], report);
}

export type ProviderDocument = z.infer<typeof providerDocumentSchema>;
export type ProviderDocumentInput = z.input<typeof providerDocumentSchema>;
export type AreaInput = z.input<typeof areaSchema>;
export type Area = z.infer<typeof areaSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
