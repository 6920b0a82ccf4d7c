// The systems API's answers, built from the same reads as the pages (parsed through the DTOs of
// lib/validation/system-api.ts by the routes, so only their fields leave).
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { z } from "zod";
import { isOverdue, trackingProgress, type TrackingRecord } from "@/lib/model/obligation-tracking";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/api/read-limited-body";
import type {
  recordedObligationApiDto,
  systemApiDto,
  systemListApiDto,
  systemTrackingApiDto,
} from "@/lib/validation/system-api";
import { getSystem } from "./get-system";
import { getSystemTracking } from "./get-system-tracking";
import { saveObligation } from "./save-obligation";
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

/**
 * Records where one obligation stands from a JSON body: `version` (the record's version as read, 0 when
 * nothing is recorded yet) and the tracking fields (status, reason, approver, ownerId, dueDate,
 * evidenceLinks, notes), checked like the form's.
 */
export async function recordObligationForApi(options: {
  actor: Actor;
  system: string;
  obligation: string;
  request: Request;
}): Promise<z.input<typeof recordedObligationApiDto>> {
  const text = new TextDecoder().decode(await readLimitedBody(options.request, 64 * 1024));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "Send a JSON object.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("INVALID_INPUT", "Send a JSON object.");
  const { version, ...input } = body as Record<string, unknown>;
  if (typeof version !== "number" || !Number.isInteger(version))
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: "version", message: "The record's version as you read it (0 when nothing is recorded)" }],
    });
  const saved = await saveObligation({
    actor: options.actor,
    system: options.system,
    obligation: options.obligation,
    expectedVersion: version,
    input,
  });
  return { key: options.obligation, status: saved.status, version: saved.version };
}
