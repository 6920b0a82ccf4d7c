// Demo accounts, one per role, for the embedded demo database only (never with DATABASE_URL).
// Their password is documented in the README.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { systemInputSchema, type SystemInput } from "@/lib/validation/system";
import type { Database } from "@/lib/database/client";

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
/** A tracking record of a demo system (the duty named as the seeded matrix words it). */
interface DemoTracking {
  tier: string;
  area: string;
  position: number;
  dutyText: string;
  status: "planned" | "in-progress" | "implemented" | "not-applicable";
  reason?: string;
  /** Days from seeding: negative is already overdue. */
  dueInDays?: number;
  evidenceLinks?: string[];
  notes?: string;
}

export const demoSystems: {
  organization: string;
  slug: string;
  system: SystemInput;
  /** Owned by the organization's demo customer. */
  tracking: DemoTracking[];
}[] = [
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
    tracking: [
      {
        tier: "platform",
        area: "application-security",
        position: 1,
        dutyText: "Scan container images for vulnerabilities",
        status: "implemented",
        evidenceLinks: ["https://ci.acme-retail.example/pipelines/image-scan"],
        notes: "Every image is scanned in the CI pipeline before it is pushed; criticals fail the build.",
      },
      {
        tier: "platform",
        area: "data",
        position: 2,
        dutyText: "Backup and recovery strategy",
        status: "in-progress",
        dueInDays: -7,
        notes: "Nightly dumps run; the restore rehearsal is still to be scheduled.",
      },
      {
        tier: "kubernetes",
        area: "access-controls",
        position: 0,
        dutyText: "Role-Based Access Control (RBAC)",
        status: "planned",
        dueInDays: 30,
      },
      {
        tier: "kubernetes",
        area: "network-security",
        position: 2,
        dutyText: "Service mesh to enforce security across services",
        status: "not-applicable",
        reason:
          "The shop runs in one namespace with no service-to-service traffic leaving it; network policies cover it.",
      },
    ],
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
    for (const { organization, slug, tracking } of demoSystems) {
      const system = await tx.system.findFirstOrThrow({ where: { slug, organization: { slug: organization } } });
      const owner = await tx.user.findFirstOrThrow({ where: { organization: { slug: organization } } });
      for (const { dueInDays, ...record } of tracking) {
        const dueDate = dueInDays === undefined ? null : new Date(Date.now() + dueInDays * 86_400_000);
        if (dueDate) dueDate.setUTCHours(0, 0, 0, 0);
        const created = await tx.trackedObligation.create({
          data: {
            ...record,
            evidenceLinks: record.evidenceLinks ?? [],
            systemId: system.id,
            party: "customer",
            ownerId: owner.id,
            dueDate,
          },
        });
        // The history starts with the seed, as every later change is recorded.
        await recordAudit({
          tx,
          actor: { kind: "system", command: "seed" },
          action: "obligation.update",
          target: { type: "obligation", id: created.id },
          after: {
            organization,
            system: slug,
            duty: record.dutyText,
            status: record.status,
            reason: record.reason ?? null,
            ownerId: owner.id,
            dueDate: dueDate?.toISOString().slice(0, 10) ?? null,
            evidenceLinks: record.evidenceLinks ?? [],
            notes: record.notes ?? null,
            version: 1,
          },
        });
      }
    }
  });
  return demoAccounts.map((a) => a.email);
}
