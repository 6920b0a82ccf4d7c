// What the systems API answers (/api/v1/me/systems…, /api/v1/organizations/{org}/systems…): only
// these fields leave, parsed on the way out.
import { z } from "zod";
import { assignmentValues } from "@/lib/domain/assignment";
import { trackingStatuses } from "@/lib/domain/tracking-status";
import { systemBindingSchema } from "./system";

const isoDate = z.iso.datetime();

export const systemSummaryApiDto = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  tierCount: z.number().int(),
  updatedAt: isoDate,
});

export const systemListApiDto = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  systems: z.array(systemSummaryApiDto),
});

const carrier = z.object({
  kind: z.enum(["organization", "provider", "delegated", "unbound"]),
  name: z.string().optional(),
  tier: z.string().optional(),
  party: z.string().optional(),
  lowerTier: z.string().optional(),
});

const step = z.object({
  tier: z.string(),
  provider: z.string(),
  service: z.string(),
  serviceSlug: z.string(),
  area: z.string().nullable(),
  areaKey: z.string().nullable(),
  party: z.string(),
  partyName: z.string(),
});

export const systemApiDto = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  updatedAt: isoDate,
  tiers: z.array(
    z.object({
      key: z.string(),
      provider: z.string(),
      service: z.string(),
      model: z.string().nullable(),
      /** False when the service is no longer published (or not visible): see `problems`. */
      available: z.boolean(),
      serviceName: z.string().nullable(),
      modelName: z.string().nullable(),
    }),
  ),
  bindings: z.array(systemBindingSchema),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  counts: z
    .object({
      total: z.number().int(),
      organization: z.number().int(),
      providers: z.array(z.object({ name: z.string(), duties: z.number().int() })),
      delegated: z.number().int(),
      unbound: z.number().int(),
    })
    .nullable(),
  gaps: z.array(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
  areas: z.array(
    z.object({
      tier: z.string(),
      key: z.string(),
      name: z.string(),
      crossCutting: z.boolean(),
      assignment: z.enum(assignmentValues),
      overridden: z.boolean(),
      duties: z.array(
        z.object({
          text: z.string(),
          strength: z.enum(["must", "should", "may"]),
          implicit: z.boolean(),
          carrier,
          provenance: z.array(step),
        }),
      ),
    }),
  ),
});

const trackingProgressApi = z.object({
  total: z.number().int(),
  settled: z.number().int(),
  overdue: z.number().int(),
  review: z.number().int(),
  byStatus: z.record(z.enum(trackingStatuses), z.number().int()),
});

const trackedRecordApi = z.object({
  status: z.enum(trackingStatuses),
  reason: z.string().nullable(),
  approver: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  notes: z.string().nullable(),
  /** The duty's words when the status was recorded. */
  recordedText: z.string(),
  version: z.number().int(),
});

/** A system's obligations and where each stands (GET …/systems/{system}/obligations). */
export const systemTrackingApiDto = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  system: z.object({ slug: z.string(), name: z.string() }),
  /** The day overdue is measured against (UTC). */
  today: z.string(),
  progress: trackingProgressApi,
  obligations: z.array(
    z.object({
      key: z.string(),
      tier: z.string(),
      area: z.string(),
      areaName: z.string(),
      text: z.string(),
      strength: z.enum(["must", "should", "may"]),
      status: z.enum(trackingStatuses),
      overdue: z.boolean(),
      /** The provider reworded the duty since the status was recorded. */
      review: z.boolean(),
      provenance: z.array(step),
      record: trackedRecordApi.nullable(),
    }),
  ),
  /** Records whose duty is no longer the organization's. */
  retired: z.array(trackedRecordApi.extend({ tier: z.string(), area: z.string(), position: z.number().int() })),
});

/** What recording an obligation answers (POST …/systems/{system}/obligations/{obligation}). */
export const recordedObligationApiDto = z.object({
  key: z.string(),
  status: z.enum(trackingStatuses),
  /** Send it back with the next change: a change from an older version is refused as a conflict. */
  version: z.number().int(),
});
