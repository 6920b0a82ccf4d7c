// The systems API's answers, built from the same reads as the pages (parsed through the DTOs of
// lib/validation/system-api.ts by the routes, so only their fields leave).
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { z } from "zod";
import { isOverdue, trackingProgress, type TrackingRecord } from "@/lib/domain/obligation-tracking";
import { AppError } from "@/lib/errors";
import type { systemApiDto, systemListApiDto, systemTrackingApiDto } from "@/lib/validation/system-api";
import { getSystem } from "./get-system";
import { getSystemTracking } from "./get-system-tracking";
import { listSystems } from "./list-systems";

export async function systemListForApi(options: {
  actor: Actor;
  organization?: string | null;
}): Promise<z.input<typeof systemListApiDto>> {
  const { organization, systems } = await listSystems(options);
  return {
    organization: { slug: organization.slug, name: organization.name },
    systems: systems.map((s) => ({ ...s, updatedAt: s.updatedAt.toISOString() })),
  };
}

export async function systemForApi(options: {
  actor: Actor;
  organization?: string | null;
  system: string;
}): Promise<z.input<typeof systemApiDto>> {
  const system = await getSystem(options);
  return {
    organization: { slug: system.organization.slug, name: system.organization.name },
    slug: system.slug,
    name: system.name,
    description: system.description,
    version: system.version,
    updatedAt: system.updatedAt.toISOString(),
    tiers: system.tiers.map(({ tier, input, modelName }) => ({
      ...tier,
      available: input !== null,
      serviceName: input?.service.name ?? null,
      modelName,
    })),
    bindings: system.bindings,
    problems: system.problems,
    counts: system.counts,
    gaps: system.resolved?.gaps ?? [],
    areas: system.resolved?.tiers.flatMap((t) => t.areas) ?? [],
  };
}

export async function systemTrackingForApi(options: {
  actor: Actor;
  organization?: string | null;
  system: string;
}): Promise<z.input<typeof systemTrackingApiDto>> {
  const { system, tracked, owners, today } = await getSystemTracking(options);
  if (!tracked)
    throw new AppError("CONFLICT", "This system no longer fits its services, so its obligations cannot be listed.", {
      current: system.problems,
    });
  const owner = (id: string | null) => {
    const found = id ? owners.find((o) => o.id === id) : undefined;
    return found ? { id: found.id, name: found.name } : null;
  };
  const recordApi = (r: TrackingRecord) => ({ ...r, owner: owner(r.ownerId), recordedText: r.dutyText });
  return {
    organization: { slug: system.organization.slug, name: system.organization.name },
    system: { slug: system.slug, name: system.name },
    today,
    progress: trackingProgress(tracked.obligations, today),
    obligations: tracked.obligations.map((o) => ({
      ...o,
      overdue: isOverdue(o, today),
      record: o.record && recordApi(o.record),
    })),
    retired: tracked.retired.map(recordApi),
  };
}
