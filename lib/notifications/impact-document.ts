// How an organization's impact is stored (ChangeImpact.systems) and read back: for each affected
// system, the rows of lib/domain/version-impact.ts. Pure.
import type { ImpactItem } from "@/lib/domain/version-impact";

export interface ImpactSystem {
  /** The system's slug; the subscribed services' is lib/systems/subscribed-services.ts's. */
  slug: string;
  name: string;
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

export function countRanks(systems: readonly ImpactSystem[]) {
  const items = systems.flatMap((s) => s.items);
  const actionRequired = items.filter((i) => i.rank === "action-required").length;
  return { actionRequired, informational: items.length - actionRequired };
}
