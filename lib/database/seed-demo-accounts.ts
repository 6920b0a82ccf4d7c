// Demo accounts, one per role, for the embedded demo database only (never with DATABASE_URL).
// Their password is documented in the README.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { systemInputSchema, type SystemInput } from "@/lib/validation/system";
import type { Database } from "./client";

export const DEMO_PASSWORD = "demarc-demo-password";

export const demoAccounts = [
  { email: "admin@demarc.local", name: "Ada Admin", role: "ADMIN" },
  {
    email: "manager@demarc.local",
    name: "Manuel Manager",
    role: "ACCOUNT_MANAGER",
    manages: ["danubedata", "stackit"],
  },
  { email: "auditor@demarc.local", name: "Audrey Auditor", role: "AUDITOR" },
  { email: "customer@demarc.local", name: "Carla Customer", role: "CUSTOMER", organization: "acme-retail" },
] as const;

export const demoOrganizations = [
  {
    slug: "acme-retail",
    name: "Acme Retail",
    subscriptions: [
      ["danubedata", "vps"],
      ["danubedata", "managed-databases"],
      ["danubedata", "object-storage"],
      ["stackit", "edge-cloud"],
    ],
  },
  { slug: "globex", name: "Globex", subscriptions: [["contain", "platform"]] },
] as const;

/** A composed stack a newcomer sees at once: Contain on a hyperscaler's managed Kubernetes. */
export const demoSystems: { organization: string; slug: string; system: SystemInput }[] = [
  {
    organization: "acme-retail",
    slug: "shop-production",
    system: {
      name: "Shop — production",
      description:
        "The web shop runs on the Contain Platform, deployed on a hyperscaler's managed services; Acme rents the managed Kubernetes service itself.",
      tiers: [
        { key: "platform", provider: "contain", service: "platform", model: "cloud-services" },
        { key: "kubernetes", provider: "managed-kubernetes", service: "managed-kubernetes", model: null },
      ],
      bindings: [
        {
          upperTier: "platform",
          party: "hyperscaler",
          lowerTier: "kubernetes",
          contractHolder: "organization",
          coverage: {
            "underlying-infrastructure": ["infrastructure"],
            "kubernetes-control-plane": ["control-plane"],
          },
        },
      ],
    },
  },
];

export async function seedDemoAccounts(options: { db: Database }): Promise<string[]> {
  const { db } = options;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const org of demoOrganizations) {
      const services = await tx.service.findMany({
        where: { OR: org.subscriptions.map(([provider, slug]) => ({ slug, provider: { slug: provider } })) },
        select: { id: true },
      });
      await tx.organization.create({
        data: {
          slug: org.slug,
          name: org.name,
          subscriptions: { create: services.map((s) => ({ serviceId: s.id })) },
        },
      });
    }
    for (const { organization, slug, system } of demoSystems) {
      const { id: organizationId } = await tx.organization.findUniqueOrThrow({ where: { slug: organization } });
      const { name, description, tiers, bindings } = systemInputSchema.parse(system);
      await tx.system.create({ data: { organizationId, slug, name, description, tiers, bindings } });
    }
    for (const account of demoAccounts) {
      const organization = "organization" in account ? account.organization : undefined;
      const manages = "manages" in account ? account.manages : [];
      const providers = await tx.provider.findMany({ where: { slug: { in: [...manages] } }, select: { id: true } });
      await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          organization: organization ? { connect: { slug: organization } } : undefined,
          managedProviders: { create: providers.map((p) => ({ providerId: p.id })) },
        },
      });
    }
  });
  return demoAccounts.map((a) => a.email);
}
