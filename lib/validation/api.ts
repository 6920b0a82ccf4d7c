// Read-API and view DTOs. Data leaves the server only after being parsed by these schemas,
// so only allowlisted fields are exposed (internal ids, isPrivate and versions are not).
import { z } from "zod";
import { assignmentValues, caiqOwnershipValues, partyRoles } from "@/lib/domain/assignment";
import { complianceKinds, contactKinds, dutyStrengths, planeValues, serviceCategories } from "@/lib/domain/vocabulary";
import { isWebUrl } from "@/lib/domain/web-url";
import { contactValueProblem } from "./provider-document";

const assignment = z.enum(assignmentValues);

export const caiqSchema = z.object({
  ownership: z.enum(caiqOwnershipValues),
  exact: z.boolean(),
  note: z.string().optional(),
});

export const partyDto = z.object({
  key: z.string(),
  name: z.string(),
  role: z.enum(partyRoles),
  description: z.string().nullable(),
});

export const dutyDto = z.object({ text: z.string(), strength: z.enum(dutyStrengths) });

export const partyCellDto = z.object({
  party: z.string(),
  duties: z.array(dutyDto),
  notApplicable: z.boolean(),
  /** RACI letters in R, A, C, I order, or null. */
  raci: z.string().nullable(),
});

export const groupDto = z.object({
  key: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  description: z.string().nullable(),
  /** Key of the enclosing group; null at the top. */
  parent: z.string().nullable(),
});

export const areaDto = z.object({
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
  /** Key of the group the area sits in (see the service's `groups`), or null. */
  group: z.string().nullable(),
  assignment,
  parties: z.array(z.string()),
  /** What the row's RACI letters imply (null without letters); the assignment may differ, with a reason. */
  raciAssignment: z.object({ assignment, parties: z.array(z.string()) }).nullable(),
  assignmentReason: z.string().nullable(),
  caiq: caiqSchema,
  /** One per party with anything on this row, in the provider's party order. */
  cells: z.array(partyCellDto),
  references: z.array(z.object({ framework: z.string(), control: z.string() })),
  notes: z.string().nullable(),
  interpretation: z.string().nullable(),
  /** Layer key (see the service's `layers`). */
  layer: z.string().nullable(),
  plane: z.enum(planeValues).nullable(),
});

export const componentDto = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  assignment: assignment.nullable(),
  parties: z.array(z.string()),
  instances: z.number().int(),
  interpretation: z.string().nullable(),
  /** Key of the area (matrix row) this box corresponds to. */
  area: z.string().nullable(),
  /** Why the box's assignment differs from its area's. */
  areaInterpretation: z.string().nullable(),
  /** Key of the component of the same layer this one is drawn on as a marker (◆); null: a box of its own. */
  markerOn: z.string().nullable(),
});

export const layerDto = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** 0 is the bottom of the stack. */
  position: z.number().int(),
  assignment: assignment.nullable(),
  parties: z.array(z.string()),
  interpretation: z.string().nullable(),
  /** Key of the area (matrix row) this layer corresponds to. */
  area: z.string().nullable(),
  areaInterpretation: z.string().nullable(),
  components: z.array(componentDto),
});

export const deploymentAssignmentDto = z.object({
  /** "layerKey/componentKey" or null */
  component: z.string().nullable(),
  /** area key or null */
  area: z.string().nullable(),
  assignment,
  parties: z.array(z.string()),
  interpretation: z.string().nullable(),
});

export const deploymentModelDto = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  group: z.string().nullable(),
  interpretation: z.string().nullable(),
  /** The source leaves open how responsibility divides under this model. */
  open: z.boolean(),
  assignments: z.array(deploymentAssignmentDto),
});

export const splitDto = z.record(assignment, z.number().int());

export const serviceSummaryDto = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  summary: z.string(),
  sourceSection: z.string().nullable(),
  areaCount: z.number().int(),
  /** Number of areas per assignment. */
  split: splitDto,
  deploymentModelCount: z.number().int(),
});

export const providerSummaryDto = z.object({
  slug: z.string(),
  /** False while the provider exists as a draft only (only its editors and staff see it). */
  published: z.boolean(),
  name: z.string(),
  summary: z.string(),
  brandColor: z.string(),
  serviceCount: z.number().int(),
  areaCount: z.number().int(),
});

export const sourceDto = z.object({
  title: z.string(),
  document: z.string(),
  /** Only http(s) addresses leave the server; anything else stored before that rule reads as none. */
  url: z
    .string()
    .nullable()
    .transform((url) => (url !== null && isWebUrl(url) ? url : null)),
  retrieved: z.string().nullable(),
});

/** A contact whose value does not fit its kind (a `javascript:` "link") leaves as plain text. */
export const contactDto = z
  .object({ kind: z.enum(contactKinds), label: z.string(), value: z.string(), purpose: z.string().nullable() })
  .transform((contact) => (contactValueProblem(contact) ? { ...contact, kind: "other" as const } : contact));

export const providerDetailDto = providerSummaryDto.extend({
  source: sourceDto,
  parties: z.array(partyDto),
  compliance: z.array(
    z.object({
      kind: z.enum(complianceKinds),
      name: z.string(),
      clause: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  contacts: z.array(contactDto),
  sections: z.array(z.object({ slug: z.string(), title: z.string(), body: z.string() })),
  crossCuttingGroups: z.array(groupDto),
  crossCuttingAreas: z.array(areaDto),
  services: z.array(serviceSummaryDto),
  deploymentModels: z.array(
    z.object({ service: z.string(), key: z.string(), name: z.string(), group: z.string().nullable() }),
  ),
});

export const serviceDetailDto = z.object({
  provider: z.object({
    slug: z.string(),
    name: z.string(),
    brandColor: z.string(),
    /** The provider's source, so the service page can cite it (and link its `sourceSection`). */
    source: sourceDto,
  }),
  parties: z.array(partyDto),
  slug: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  summary: z.string(),
  sourceSection: z.string().nullable(),
  groups: z.array(groupDto),
  areas: z.array(areaDto),
  /** Bottom layer first. */
  layers: z.array(layerDto),
  deploymentModels: z.array(deploymentModelDto),
});

const handsRowDto = z.object({
  key: z.string(),
  name: z.string(),
  /** One per column; null where the column has no such area. `area` is the area's key there. */
  cells: z.array(z.object({ area: z.string(), name: z.string(), assignment, parties: z.array(z.string()) }).nullable()),
  distinctHands: z.number().int(),
});

/** Which areas change hands between a provider's services, or between the deployment models of one service. */
export const comparisonDto = z.object({
  provider: z.object({ slug: z.string(), name: z.string() }),
  parties: z.array(partyDto),
  /** Null: the columns are the provider's services; else the deployment models of this service. */
  service: z.object({ slug: z.string(), name: z.string() }).nullable(),
  serviceCount: z.number().int(),
  /** Services with two deployment models or more, whose models can be compared. */
  modelChoices: z.array(z.object({ slug: z.string(), name: z.string(), modelCount: z.number().int() })),
  columns: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      note: z.string().nullable(),
      service: z.string(),
      model: z.string().nullable(),
      areaCount: z.number().int(),
      providerCount: z.number().int(),
    }),
  ),
  changing: z.array(handsRowDto),
  stable: z.array(handsRowDto),
  onlyInOne: z.array(z.object({ name: z.string(), column: z.string() })),
  /** Deployment models not compared because the source leaves their responsibilities open. */
  leftOpen: z.array(z.string()),
  /** One sentence, every number counted from the rows. */
  caption: z.string(),
});

export const problemDto = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Seconds until trying again will work (rate limits, unavailability); also sent as Retry-After. */
  retryAfter: z.number().int().positive().optional(),
});

export type PartyDto = z.infer<typeof partyDto>;
export type AreaDto = z.infer<typeof areaDto>;
export type PartyCellDto = z.infer<typeof partyCellDto>;
export type GroupDto = z.infer<typeof groupDto>;
export type ComponentDto = z.infer<typeof componentDto>;
export type LayerDto = z.infer<typeof layerDto>;
export type DeploymentModelDto = z.infer<typeof deploymentModelDto>;
export type ServiceSummaryDto = z.infer<typeof serviceSummaryDto>;
export type ProviderSummaryDto = z.infer<typeof providerSummaryDto>;
export type ProviderDetailDto = z.infer<typeof providerDetailDto>;
export type ServiceDetailDto = z.infer<typeof serviceDetailDto>;
export type ComparisonDto = z.infer<typeof comparisonDto>;
export type ProblemDto = z.infer<typeof problemDto>;

/** Text with the parts a search query matched marked (see lib/search/search-query.ts). */
const textSegmentsDto = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const searchMatchFields = ["summary", "category", "duty", "notes", "reference"] as const;

/** A field of a hit, other than its name, that holds query words: which one, and an excerpt. */
export const searchMatchDto = z.object({
  field: z.enum(searchMatchFields),
  /** In words: "Summary", "Customer duty", "Framework control", … */
  label: z.string(),
  snippet: textSegmentsDto,
});

const searchHitBase = {
  /** The page (and, for an area, the row) the hit opens. */
  href: z.string(),
  name: z.string(),
  title: textSegmentsDto,
  matches: z.array(searchMatchDto),
};

export const searchResultsDto = z.object({
  /** The query's words as matched (lower case, accents removed). */
  words: z.array(z.string()),
  /** Words found nowhere the reader may look, and the visible words searched instead (typos, parts of words). */
  corrections: z.array(z.object({ word: z.string(), alternatives: z.array(z.string()) })),
  providers: z.array(z.object({ ...searchHitBase, slug: z.string() })),
  services: z.array(
    z.object({
      ...searchHitBase,
      slug: z.string(),
      provider: z.string(),
      providerName: z.string(),
      category: z.enum(serviceCategories),
      /** The provider's name, marked where query words matched it. */
      context: textSegmentsDto,
    }),
  ),
  areas: z.array(
    z.object({
      ...searchHitBase,
      key: z.string(),
      provider: z.string(),
      providerName: z.string(),
      /** Null for a cross-cutting area (it applies to every service). */
      service: z.string().nullable(),
      serviceName: z.string().nullable(),
      assignment,
      /** "Provider · Service" (or "Provider · all services"), marked where query words matched. */
      context: textSegmentsDto,
    }),
  ),
  /** How many hits of each kind there were before the lists were cut to the first ones. */
  totals: z.object({ providers: z.number().int(), services: z.number().int(), areas: z.number().int() }),
});

export type SearchMatchDto = z.infer<typeof searchMatchDto>;
export type SearchResultsDto = z.infer<typeof searchResultsDto>;
