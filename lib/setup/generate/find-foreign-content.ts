// What in a database is neither the seed (with its demo accounts) nor generated: a real
// installation's providers, accounts, organizations, drafts and the audit entries of changes people
// made. The generator refuses such a database unless forced.
import "server-only";
import type { Database } from "@/lib/database/client";
import { demoAccounts, demoOrganizations } from "@/lib/setup/seed-demo-accounts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seedProviders } from "@/prisma/seed";
import { generatedOrganizationWhere, generatedProviderWhere, generatedUserWhere } from "./generated-markers";

const EXAMPLES = 3;

const listed = (count: number, one: string, many: string, examples: string[]) =>
  `${count} ${count === 1 ? one : many} (${examples.join(", ")}${count > examples.length ? ", …" : ""})`;

/** One line per kind of foreign content found; empty when the database holds only seed and generated content. */
export async function findForeignContent(options: { db: Database | Prisma.TransactionClient }): Promise<string[]> {
  const { db } = options;
  const providerWhere: Prisma.ProviderWhereInput = {
    slug: { notIn: seedProviders.map((p) => p.slug) },
    NOT: generatedProviderWhere,
  };
  const userWhere: Prisma.UserWhereInput = {
    email: { notIn: demoAccounts.map((a) => a.email) },
    NOT: generatedUserWhere,
  };
  const organizationWhere: Prisma.OrganizationWhereInput = {
    slug: { notIn: demoOrganizations.map((o) => o.slug) },
    NOT: generatedOrganizationWhere,
  };
  // Sign-ins and downloads change nothing; every other entry by a person records a change they made.
  const auditWhere: Prisma.AuditEntryWhereInput = {
    NOT: [
      { actorLabel: { startsWith: "system:" } },
      { action: { startsWith: "auth." } },
      { action: "export.download" },
    ],
  };
  const [providers, providerCount, users, userCount, organizations, organizationCount, drafts, auditCount] =
    await Promise.all([
      db.provider.findMany({ where: providerWhere, select: { slug: true }, orderBy: { slug: "asc" }, take: EXAMPLES }),
      db.provider.count({ where: providerWhere }),
      db.user.findMany({ where: userWhere, select: { email: true }, orderBy: { email: "asc" }, take: EXAMPLES }),
      db.user.count({ where: userWhere }),
      db.organization.findMany({
        where: organizationWhere,
        select: { slug: true },
        orderBy: { slug: "asc" },
        take: EXAMPLES,
      }),
      db.organization.count({ where: organizationWhere }),
      db.providerDraft.findMany({ select: { provider: { select: { slug: true } } }, take: EXAMPLES }),
      db.auditEntry.count({ where: auditWhere }),
    ]);
  const found: string[] = [];
  if (providerCount)
    found.push(
      listed(
        providerCount,
        "provider",
        "providers",
        providers.map((p) => p.slug),
      ),
    );
  if (userCount)
    found.push(
      listed(
        userCount,
        "account",
        "accounts",
        users.map((u) => u.email),
      ),
    );
  if (organizationCount)
    found.push(
      listed(
        organizationCount,
        "organization",
        "organizations",
        organizations.map((o) => o.slug),
      ),
    );
  if (drafts.length) {
    const draftCount = await db.providerDraft.count();
    found.push(
      listed(
        draftCount,
        "unpublished draft",
        "unpublished drafts",
        drafts.map((d) => d.provider.slug),
      ),
    );
  }
  if (auditCount) found.push(`${auditCount} audit ${auditCount === 1 ? "entry" : "entries"} of changes made by people`);
  return found;
}
