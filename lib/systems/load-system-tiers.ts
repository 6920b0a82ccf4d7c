// A system's tiers with their services as published and as the actor may see them, ready for the
// resolution rule. A tier whose service is gone (a later version dropped it) or hidden is reported
// as missing, never silently left out.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { SystemTierInput } from "@/lib/model/system-resolution";
import { getProvider } from "@/lib/providers/get-provider";
import { getService } from "@/lib/providers/get-service";
import type { DeploymentModelDto, ServiceDetailDto } from "@/lib/validation/api";
import type { SystemTier } from "@/lib/validation/system";

export interface LoadedTier {
  tier: SystemTier;
  /** Null: the service is no longer published, or the actor may not see it. */
  input: SystemTierInput | null;
  provider: { slug: string; name: string; brandColor: string } | null;
  models: DeploymentModelDto[];
  /** The chosen model as the service names it (null: the service's defaults, or an unknown key). */
  modelName: string | null;
}

export async function loadSystemTiers(options: { actor: Actor; tiers: readonly SystemTier[] }): Promise<LoadedTier[]> {
  return Promise.all(
    options.tiers.map(async (tier): Promise<LoadedTier> => {
      const [service, provider] = await Promise.all([
        getService({ actor: options.actor, provider: tier.provider, service: tier.service }),
        getProvider({ actor: options.actor, slug: tier.provider }),
      ]);
      if (!service || !provider?.published) return { tier, input: null, provider: null, models: [], modelName: null };
      return {
        tier,
        input: {
          key: tier.key,
          service: withProvider(service),
          crossCuttingAreas: provider.crossCuttingAreas,
          model: tier.model,
        },
        provider: { slug: provider.slug, name: provider.name, brandColor: provider.brandColor },
        models: service.deploymentModels,
        modelName: service.deploymentModels.find((m) => m.key === tier.model)?.name ?? null,
      };
    }),
  );
}

function withProvider(service: ServiceDetailDto): SystemTierInput["service"] {
  return { ...service, provider: { slug: service.provider.slug, name: service.provider.name } };
}
