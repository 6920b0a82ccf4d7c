// The services an organization subscribes to, tracked like a system of their own: one tier per
// service (its default responsibilities, nothing bound), so its customer duties are obligations with
// status, owner, due date and evidence, as in any system. Its tracking records hang on a System row
// under a slug no name can produce (slugs have single hyphens), created with the first record.
import "server-only";
import type { Database } from "@/lib/database/client";
import type { SystemTier } from "@/lib/validation/system";

export const SUBSCRIBED_SERVICES = "subscribed--services";

export const subscribedServicesSystem = {
  name: "Subscribed services",
  description:
    "Each service the organization subscribes to, on its own with its default responsibilities: the customer duties its My obligations page lists, to track.",
};

export function isSubscribedServices(slug: string): boolean {
  return slug === SUBSCRIBED_SERVICES;
}

/** One tier per subscribed service, by provider and service name. */
export async function subscribedTiers(db: Database, organizationId: string): Promise<SystemTier[]> {
  const subscriptions = await db.subscription.findMany({
    where: { organizationId },
    select: { service: { select: { slug: true, name: true, provider: { select: { slug: true, name: true } } } } },
  });
  return subscriptions
    .map((s) => s.service)
    .sort((a, b) => a.provider.name.localeCompare(b.provider.name) || a.name.localeCompare(b.name))
    .map((service) => ({
      key: `${service.provider.slug}--${service.slug}`,
      provider: service.provider.slug,
      service: service.slug,
      model: null,
    }));
}
