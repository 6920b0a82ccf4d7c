// One system as its readers see it: its tiers (with the services as published), bindings, and the
// resolution — who carries every duty, where it came from, what is open, and counts that add up.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import {
  checkSystem,
  countSystem,
  resolveSystem,
  type ResolvedSystem,
  type SystemCounts,
  type SystemProblem,
} from "@/lib/model/system-resolution";
import { AppError } from "@/lib/errors";
import { systemBindingSchema, systemTierSchema, type SystemBinding } from "@/lib/validation/system";
import { loadSystemTiers, type LoadedTier } from "./load-system-tiers";
import {
  SUBSCRIBED_SERVICES,
  isSubscribedServices,
  subscribedServicesSystem,
  subscribedTiers,
} from "./subscribed-services";
import { findSystemScope, type SystemScope } from "./system-scope";

export interface SystemView extends SystemScope {
  /** Null for the subscribed services before anything was tracked about them. */
  id: string | null;
  slug: string;
  name: string;
  description: string | null;
  version: number;
  /** For the subscribed services before anything was tracked: now. */
  updatedAt: Date;
  /** The organization's subscribed services (lib/systems/subscribed-services.ts), not a system it built. */
  subscribed: boolean;
  tiers: LoadedTier[];
  bindings: SystemBinding[];
  /** Null while a tier's service is missing or the structure no longer fits the services (see problems). */
  resolved: ResolvedSystem | null;
  counts: SystemCounts | null;
  /** What no longer fits: a missing service, a deployment model or area a new version dropped. */
  problems: SystemProblem[];
}

export async function getSystem(options: {
  db?: Database;
  actor: Actor;
  organization?: string | null;
  system: string;
}): Promise<SystemView> {
  const db = options.db ?? getDb();
  const scope = await findSystemScope({ db, actor: options.actor, organization: options.organization });
  const row = await db.system.findUnique({
    where: { organizationId_slug: { organizationId: scope.organization.id, slug: options.system } },
  });
  const subscribed = isSubscribedServices(options.system);
  if (!row && !subscribed) throw new AppError("NOT_FOUND", `No such system: "${options.system}".`);
  const tiers = subscribed
    ? onceCrossCutting(
        await loadSystemTiers({ actor: options.actor, tiers: await subscribedTiers(db, scope.organization.id) }),
      )
    : await loadSystemTiers({ actor: options.actor, tiers: systemTierSchema.array().parse(row!.tiers) });
  const bindings = subscribed ? [] : systemBindingSchema.array().parse(row!.bindings);
  const missing = tiers.flatMap((t, i) =>
    t.input
      ? []
      : [
          {
            path: `tiers.${i}`,
            message: `${t.tier.provider} › ${t.tier.service} is no longer published, or not visible.`,
          },
        ],
  );
  const inputs = tiers.flatMap((t) => (t.input ? [t.input] : []));
  const problems = missing.length ? missing : checkSystem(inputs, bindings);
  const resolved = problems.length ? null : resolveSystem(inputs, bindings);
  return {
    ...scope,
    ...(subscribed
      ? {
          ...subscribedServicesSystem,
          id: row?.id ?? null,
          slug: SUBSCRIBED_SERVICES,
          version: row?.version ?? 0,
          updatedAt: row?.updatedAt ?? new Date(),
        }
      : {
          id: row!.id,
          slug: row!.slug,
          name: row!.name,
          description: row!.description,
          version: row!.version,
          updatedAt: row!.updatedAt,
        }),
    subscribed,
    tiers,
    bindings,
    resolved,
    counts: resolved && countSystem(resolved),
    problems,
  };
}

/** A provider's cross-cutting areas apply once, not once per subscribed service (as in My obligations). */
function onceCrossCutting(tiers: LoadedTier[]): LoadedTier[] {
  const seen = new Set<string>();
  return tiers.map((t) => {
    if (!t.input) return t;
    const first = !seen.has(t.tier.provider);
    seen.add(t.tier.provider);
    return first ? t : { ...t, input: { ...t.input, crossCuttingAreas: [] } };
  });
}
