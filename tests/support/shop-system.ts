// The composed stack most system tests use: Contain's platform on "Cloud Services", its hyperscaler
// bound to the managed Kubernetes reference service (the demo system's shape, under test tier keys).
import type { SystemInput } from "@/lib/validation/system";

export const shopSystem = (contractHolder: "organization" | "upper-provider" = "organization"): SystemInput => ({
  name: "Shop — production",
  description: "The web shop",
  tiers: [
    { key: "platform", provider: "contain", service: "platform", model: "cloud-services" },
    { key: "cloud", provider: "managed-kubernetes", service: "managed-kubernetes", model: null },
  ],
  bindings: [
    {
      upperTier: "platform",
      party: "hyperscaler",
      lowerTier: "cloud",
      contractHolder,
      coverage: { "underlying-infrastructure": ["infrastructure"], "kubernetes-control-plane": ["control-plane"] },
    },
  ],
});
