// The systems API's answers, built from the same reads as the pages.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { z } from "zod";
import type { systemApiDto, systemListApiDto } from "@/lib/validation/system-api";
import { getSystem } from "./get-system";
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
