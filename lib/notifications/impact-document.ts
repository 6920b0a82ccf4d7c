// How an organization's impact is stored (ChangeImpact.systems) and read back: for each affected
// system, the rows of lib/model/version-impact.ts. Pure.
import type { ImpactItem } from "@/lib/model/version-impact";

export interface ImpactSystem {
  /** The system's slug; the subscribed services' is lib/systems/subscribed-services.ts's. */
  slug: string;
  name: string;
  /** What each tier the items name holds, as the new version names it (the old one, for a service it drops). */
  tiers: { key: string; provider: string; service: string; providerSlug?: string; serviceSlug?: string }[];
  items: ImpactItem[];
}

/** Written by this code only (lib/notifications/record-change-impacts.ts), so read as written. */
export function readImpactSystems(raw: unknown): ImpactSystem[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is ImpactSystem =>
      typeof s === "object" && s !== null && typeof s.slug === "string" && Array.isArray(s.items),
  );
}

/** "Provider › Service" for a tier an item names (its key when the impact does not say). */
export function tierLabel(system: ImpactSystem, tier: string): string {
  const found = system.tiers?.find((t) => t.key === tier);
  return found ? `${found.provider} › ${found.service}` : tier;
}

export function countRanks(systems: readonly ImpactSystem[]) {
  const items = systems.flatMap((s) => s.items);
  const actionRequired = items.filter((i) => i.rank === "action-required").length;
  return { actionRequired, informational: items.length - actionRequired };
}
