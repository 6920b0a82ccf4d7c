// What the system editor offers: every published service the actor may see (with its deployment
// models), and for the tiers of a saved system the binding choices — each third party a tier's
// matrix hands areas to under its model, those areas, and the areas of every tier that may cover them.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { defaultParties } from "@/lib/domain/assignment";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import { getProvider } from "@/lib/providers/get-provider";
import { listProviders } from "@/lib/providers/list-providers";
import type { ServiceChoice, TierBindingChoices } from "./editor-choices";
import type { LoadedTier } from "./load-system-tiers";

export async function listServiceChoices(options: { actor: Actor }): Promise<ServiceChoice[]> {
  const providers = await listProviders({ actor: options.actor });
  const details = await Promise.all(
    providers.filter((p) => p.published).map((p) => getProvider({ actor: options.actor, slug: p.slug })),
  );
  return details.flatMap((provider) =>
    provider?.published
      ? provider.services.map((service) => ({
          provider: provider.slug,
          providerName: provider.name,
          slug: service.slug,
          name: service.name,
          models: provider.deploymentModels
            .filter((m) => m.service === service.slug)
            .map((m) => ({ key: m.key, name: m.name })),
        }))
      : [],
  );
}

export function bindingChoices(tiers: readonly LoadedTier[]): TierBindingChoices[] {
  return tiers.flatMap(({ input }) => {
    if (!input) return [];
    const { service } = input;
    const areas = [...applyDeploymentModel(service, input.model).areas, ...(input.crossCuttingAreas ?? [])];
    return [
      {
        tier: input.key,
        areas: areas.map((a) => ({ key: a.key, name: a.name })),
        thirdParties: service.parties
          .filter((p) => p.role === "third-party")
          .map((party) => ({
            key: party.key,
            name: party.name,
            areas: areas
              .filter((a) =>
                (a.parties.length ? a.parties : defaultParties(a.assignment, service.parties)).includes(party.key),
              )
              .map((a) => ({ key: a.key, name: a.name })),
          })),
      },
    ];
  });
}
