// How a carrier of a derived duty is named (system pages, change impacts), and the filter value that selects it.
import type { Carrier } from "@/lib/model/system-resolution";

/** `tierName`: a tier's service as readers know it, for a duty handed to that tier. */
export function carrierLabel(carrier: Carrier, organization: string, tierName?: (tier: string) => string): string {
  switch (carrier.kind) {
    case "organization":
      return organization;
    case "provider":
      return carrier.name;
    case "delegated":
      return `${carrier.name} → ${tierName?.(carrier.lowerTier) ?? "the bound service"}`;
    case "unbound":
      return `${carrier.name} (unbound)`;
  }
}

/** The `carrier` query value of the system page that lists this carrier's rows. */
export function carrierFilter(carrier: Carrier): string {
  switch (carrier.kind) {
    case "organization":
      return "organization";
    case "provider":
      return `provider:${carrier.name}`;
    default:
      return carrier.kind;
  }
}
