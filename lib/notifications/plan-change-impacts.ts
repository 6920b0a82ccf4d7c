// What a version about to be published changes for each organization, read inside the publish's
// transaction before the published tables change (a dropped service's subscriptions go with it).
// Both sides resolve from version documents, never the live tables: the provider's latest version
// and the document being published; other providers a system stacks on at their latest version.
// The organization's subscribed services resolve as one system, each of its systems on its own.
import "server-only";
import { checkSystem, resolveSystem, type SystemTierInput } from "@/lib/model/system-resolution";
import { compareResolutions } from "@/lib/model/version-impact";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SUBSCRIBED_SERVICES, subscribedServicesSystem } from "@/lib/systems/subscribed-services";
import { documentToProviderDetail, documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import type { AreaDto, ServiceDetailDto } from "@/lib/validation/api";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { systemBindingSchema, systemTierSchema, type SystemBinding, type SystemTier } from "@/lib/validation/system";
import type { ImpactSystem } from "./impact-document";

type Tx = Prisma.TransactionClient;

export interface PlannedImpact {
  organizationId: string;
  fromVersion: number;
  systems: ImpactSystem[];
}

export async function planChangeImpacts(options: {
  tx: Tx;
  providerId: string;
  next: ProviderDocument;
}): Promise<PlannedImpact[]> {
  const { tx, providerId, next } = options;
  const latest = await tx.providerVersion.findFirst({
    where: { providerId },
    orderBy: { number: "desc" },
    select: { number: true, document: true },
  });
  if (!latest) return [];
  const previous = parseStoredProviderDocument(latest.document);
  const slug = previous.slug;
  const [subscriptions, systems] = await Promise.all([
    tx.subscription.findMany({
      where: { service: { providerId } },
      select: { organizationId: true, service: { select: { slug: true } } },
    }),
    tx.system.findMany({
      where: { tiers: { array_contains: [{ provider: slug }] } },
      select: { organizationId: true, slug: true, name: true, tiers: true, bindings: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const documents = new DocumentCache(tx);
  const organizations = new Set([
    ...subscriptions.map((s) => s.organizationId),
    ...systems.map((s) => s.organizationId),
  ]);
  const planned: PlannedImpact[] = [];
  for (const organizationId of [...organizations].sort()) {
    const sections: ImpactSystem[] = [];
    const services = subscriptions.filter((s) => s.organizationId === organizationId).map((s) => s.service.slug);
    if (services.length) {
      const tiers = services
        .sort()
        .map((service) => ({ key: `${slug}--${service}`, provider: slug, service, model: null }));
      const items = await compareSystem({ documents, slug, previous, next, tiers, bindings: [] });
      if (items.length)
        sections.push({
          slug: SUBSCRIBED_SERVICES,
          name: subscribedServicesSystem.name,
          tiers: tierNames(tiers, items, previous, next),
          items,
        });
    }
    for (const system of systems.filter((s) => s.organizationId === organizationId)) {
      const tiers = systemTierSchema.array().parse(system.tiers);
      const bindings = systemBindingSchema.array().parse(system.bindings);
      const items = await compareSystem({ documents, slug, previous, next, tiers, bindings });
      if (items.length)
        sections.push({ slug: system.slug, name: system.name, tiers: tierNames(tiers, items, previous, next), items });
    }
    if (sections.length) planned.push({ organizationId, fromVersion: latest.number, systems: sections });
  }
  return planned;
}

/** Latest published documents of the other providers a system stacks on, read once per publish. */
class DocumentCache {
  private readonly documents = new Map<string, Promise<ProviderDocument | null>>();
  constructor(private readonly tx: Tx) {}

  get(slug: string): Promise<ProviderDocument | null> {
    let found = this.documents.get(slug);
    if (!found) {
      found = this.tx.providerVersion
        .findFirst({ where: { provider: { slug } }, orderBy: { number: "desc" }, select: { document: true } })
        .then((v) => (v ? parseStoredProviderDocument(v.document) : null));
      this.documents.set(slug, found);
    }
    return found;
  }
}

async function compareSystem(options: {
  documents: DocumentCache;
  slug: string;
  previous: ProviderDocument;
  next: ProviderDocument;
  tiers: SystemTier[];
  bindings: SystemBinding[];
}) {
  const { slug, tiers } = options;
  const providerTiers = tiers.filter((t) => t.provider === slug).map((t) => t.key);
  const side = async (own: ProviderDocument) => {
    const inputs: SystemTierInput[] = [];
    const crossCuttingSeen = new Set<string>();
    for (const tier of tiers) {
      const document = tier.provider === slug ? own : await options.documents.get(tier.provider);
      const input = document && tierInput(document, tier, !crossCuttingSeen.has(tier.provider));
      if (input) crossCuttingSeen.add(tier.provider);
      // A tier whose service is gone on this side reads as a service without areas.
      inputs.push(input ?? emptyTier(tier));
    }
    // A structure that no longer fits (a binding to a dropped party, say) compares its tiers unbound.
    const bindings = checkSystem(inputs, options.bindings).length ? [] : options.bindings;
    return resolveSystem(inputs, bindings);
  };
  const [before, after] = await Promise.all([side(options.previous), side(options.next)]);
  return compareResolutions(before, after, { tiers: providerTiers }).items;
}

function tierNames(
  tiers: readonly SystemTier[],
  items: readonly { tier: string }[],
  previous: ProviderDocument,
  next: ProviderDocument,
): ImpactSystem["tiers"] {
  const named = new Set(items.map((i) => i.tier));
  return tiers
    .filter((t) => named.has(t.key))
    .map((t) => {
      const service = (
        next.services.find((s) => s.slug === t.service) ?? previous.services.find((s) => s.slug === t.service)
      )?.name;
      return {
        key: t.key,
        provider: next.name,
        service: service ?? t.service,
        providerSlug: t.provider,
        serviceSlug: t.service,
      };
    });
}

// Each document's DTOs are built once per publish, however many organizations and systems use them.
const detailCache = new WeakMap<
  ProviderDocument,
  { crossCutting: AreaDto[]; services: Map<string, ServiceDetailDto | null> }
>();

function detailsOf(document: ProviderDocument) {
  let details = detailCache.get(document);
  if (!details) {
    details = { crossCutting: documentToProviderDetail(document).crossCuttingAreas, services: new Map() };
    detailCache.set(document, details);
  }
  return details;
}

function tierInput(document: ProviderDocument, tier: SystemTier, withCrossCutting: boolean): SystemTierInput | null {
  const details = detailsOf(document);
  if (!details.services.has(tier.service))
    details.services.set(tier.service, documentToServiceDetail(document, tier.service));
  const service = details.services.get(tier.service);
  if (!service) return null;
  // A deployment model the document does not have (any more) resolves as the service's defaults.
  const model = service.deploymentModels.some((m) => m.key === tier.model) ? tier.model : null;
  return {
    key: tier.key,
    service: { ...service, provider: { slug: document.slug, name: document.name } },
    crossCuttingAreas: withCrossCutting ? details.crossCutting : [],
    model,
  };
}

function emptyTier(tier: SystemTier): SystemTierInput {
  return {
    key: tier.key,
    service: {
      slug: tier.service,
      name: tier.service,
      areas: [],
      layers: [],
      deploymentModels: [],
      parties: [],
      provider: { slug: tier.provider, name: tier.provider },
    },
    crossCuttingAreas: [],
    model: null,
  };
}
