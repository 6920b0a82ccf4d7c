// The one schema for a provider's whole model: seed files, imports and edits are checked by it.
import { z } from "zod";
import { assignmentValues, defaultParties, partiesProblem, partyRoles, type PartyRef } from "@/lib/domain/assignment";
import {
  complianceKinds,
  contactKinds,
  planeValues,
  serviceCategories,
  type ContactKind,
} from "@/lib/domain/vocabulary";
import { contactLinkMessage, isWebUrl, webUrlMessage } from "@/lib/domain/web-url";

export const slugSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(60, "At most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

const keySchema = slugSchema;
const name = z.string().trim().min(1, "Required").max(200, "At most 200 characters");
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).optional();
const duty = z.string().trim().min(1, "A duty cannot be empty").max(1000, "At most 1000 characters");
const dutyList = z.array(duty).max(100, "At most 100 duties");

export const assignmentSchema = z.enum(assignmentValues, { error: `Choose one of: ${assignmentValues.join(", ")}` });

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

export const areaSchema = z.strictObject({
  name,
  assignment: assignmentSchema,
  /** Party keys; omitted means the default for the assignment (see defaultParties). */
  parties: z.array(keySchema).max(10).optional(),
  providerDuties: dutyList,
  customerDuties: dutyList,
  /** The source marks the side "N/A" rather than listing nothing ("-"). */
  providerNotApplicable: z.boolean().optional(),
  customerNotApplicable: z.boolean().optional(),
  notes: optionalText(4000),
  /** Present when the row is the team's reading of a figure, not a transcription; says how it was read. */
  interpretation: optionalText(4000),
  /** Key of one of the service's layers. */
  layer: keySchema.optional(),
  plane: z.enum(planeValues).optional(),
});

export const componentSchema = z.strictObject({
  key: keySchema,
  name,
  description: optionalText(4000),
  /** null: nobody assigned yet. */
  assignment: assignmentSchema.nullable(),
  parties: z.array(keySchema).max(10).optional(),
  instances: z.number().int().min(1).max(12).optional(),
  interpretation: optionalText(4000),
});

export const layerSchema = z.strictObject({
  key: keySchema,
  name,
  description: optionalText(4000),
  assignment: assignmentSchema.nullable().optional(),
  parties: z.array(keySchema).max(10).optional(),
  interpretation: optionalText(4000),
  components: z.array(componentSchema).max(50),
});

export const deploymentAssignmentSchema = z
  .strictObject({
    /** "layerKey/componentKey" */
    component: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'Use "layer/component" keys')
      .optional(),
    /** Name of one of the service's areas. */
    area: name.optional(),
    assignment: assignmentSchema,
    parties: z.array(keySchema).max(10).optional(),
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
  assignments: z.array(deploymentAssignmentSchema).max(500),
});

export const serviceSchema = z.strictObject({
  slug: slugSchema,
  name,
  category: z.enum(serviceCategories),
  summary: z.string().trim().min(1, "Required").max(4000),
  sourceSection: optionalText(100),
  areas: z.array(areaSchema).max(200),
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
    crossCuttingAreas: z.array(areaSchema).max(200),
    services: z.array(serviceSchema).max(100),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

    const parties: PartyRef[] = doc.parties;
    for (const dup of duplicates(parties.map((p) => p.key))) issue(["parties"], `Duplicate party key "${dup}"`);
    if (!parties.some((p) => p.key === "provider" && p.role === "provider"))
      issue(["parties"], 'A party with key "provider" and role "provider" is required');
    if (!parties.some((p) => p.key === "customer" && p.role === "customer"))
      issue(["parties"], 'A party with key "customer" and role "customer" is required');

    const checkParties = (
      path: (string | number)[],
      assignment: (typeof assignmentValues)[number] | null | undefined,
      keys: string[] | undefined,
    ) => {
      if (!assignment) {
        if (keys?.length) issue([...path, "parties"], "Parties need an assignment");
        return;
      }
      const problem = partiesProblem(assignment, keys ?? defaultParties(assignment, parties), parties);
      if (problem) issue([...path, "parties"], problem);
    };

    doc.crossCuttingAreas.forEach((a, i) => {
      checkParties(["crossCuttingAreas", i], a.assignment, a.parties);
      if (a.layer) issue(["crossCuttingAreas", i, "layer"], "Cross-cutting areas have no layer");
    });
    for (const dup of duplicates(doc.sections.map((s) => s.slug))) issue(["sections"], `Duplicate section "${dup}"`);
    for (const dup of duplicates(doc.services.map((s) => s.slug))) issue(["services"], `Duplicate service "${dup}"`);

    doc.services.forEach((service, si) => {
      const at = ["services", si];
      const layerKeys = service.layers.map((l) => l.key);
      for (const dup of duplicates(layerKeys)) issue([...at, "layers"], `Duplicate layer "${dup}"`);
      const componentRefs = new Set<string>();
      service.layers.forEach((layer, li) => {
        checkParties([...at, "layers", li], layer.assignment, layer.parties);
        for (const dup of duplicates(layer.components.map((c) => c.key)))
          issue([...at, "layers", li, "components"], `Duplicate component "${dup}"`);
        layer.components.forEach((c, ci) => {
          componentRefs.add(`${layer.key}/${c.key}`);
          checkParties([...at, "layers", li, "components", ci], c.assignment, c.parties);
        });
      });
      service.areas.forEach((area, ai) => {
        checkParties([...at, "areas", ai], area.assignment, area.parties);
        if (area.layer && !layerKeys.includes(area.layer))
          issue([...at, "areas", ai, "layer"], `No layer "${area.layer}" in this service`);
      });
      const areaNames = new Set(service.areas.map((a) => a.name));
      const modelKeys = service.deploymentModels.map((m) => m.key);
      for (const dup of duplicates(modelKeys))
        issue([...at, "deploymentModels"], `Duplicate deployment model "${dup}"`);
      service.deploymentModels.forEach((model, mi) => {
        const mAt = [...at, "deploymentModels", mi];
        if (model.group !== undefined) {
          const parent = service.deploymentModels.find((m) => m.key === model.group);
          if (!parent || parent.key === model.key)
            issue([...mAt, "group"], `No deployment model "${model.group}" to group under`);
          else if (parent.group !== undefined) issue([...mAt, "group"], "Groups are one level deep");
        }
        model.assignments.forEach((a, ai) => {
          if (a.component !== undefined && !componentRefs.has(a.component))
            issue([...mAt, "assignments", ai, "component"], `No component "${a.component}" in this service`);
          if (a.area !== undefined && !areaNames.has(a.area))
            issue([...mAt, "assignments", ai, "area"], `No area "${a.area}" in this service`);
          checkParties([...mAt, "assignments", ai], a.assignment, a.parties);
        });
      });
    });
  });

export type ProviderDocument = z.infer<typeof providerDocumentSchema>;
export type ProviderDocumentInput = z.input<typeof providerDocumentSchema>;
export type AreaInput = z.input<typeof areaSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
