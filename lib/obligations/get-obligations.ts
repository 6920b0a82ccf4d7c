import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission, requireUser } from "@/lib/auth/require-permission";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { assignmentValues, fromDbAssignment } from "@/lib/domain/assignment";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { categoryFromDb } from "@/lib/transfer/row-to-dto";
import { serviceCategories } from "@/lib/domain/vocabulary";
import { dutyDto } from "@/lib/validation/api";
import type { PartyCell } from "@/lib/validation/area-schema";

const count = z.number().int().nonnegative();

/** One area in which the customer has something to do, with only the customer's duties (never "excluded" ones). */
export const obligationAreaDto = z.object({
  key: z.string(),
  name: z.string(),
  /** Titles of the groups the area sits in, outermost first. */
  groups: z.array(z.string()),
  assignment: z.enum(assignmentValues),
  duties: z.array(dutyDto).min(1),
  notes: z.string().nullable(),
  interpretation: z.string().nullable(),
});

export const obligationsDto = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  /** Customer duties over every subscribed service plus each involved provider's cross-cutting duties. */
  dutyCount: count,
  serviceCount: count,
  /** Providers by name; each has at least one subscribed service. */
  providers: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      brandColor: z.string(),
      /** The published version these duties come from (the live tables hold the newest). */
      publishedVersion: z
        .object({ number: z.number().int(), publishedAt: z.string(), contentHash: z.string() })
        .nullable(),
      dutyCount: count,
      services: z.array(
        z.object({
          slug: z.string(),
          name: z.string(),
          category: z.enum(serviceCategories),
          dutyCount: count,
          areas: z.array(obligationAreaDto),
        }),
      ),
      /** Areas that apply to every service of the provider, listed once per provider. */
      crossCutting: z.object({ dutyCount: count, areas: z.array(obligationAreaDto) }),
    }),
  ),
});

export type ObligationAreaDto = z.infer<typeof obligationAreaDto>;
export type ObligationsDto = z.infer<typeof obligationsDto>;

const areaSelect = {
  key: true,
  name: true,
  assignment: true,
  cells: true,
  notes: true,
  interpretation: true,
  group: { select: { key: true } },
} as const satisfies Prisma.ResponsibilityAreaSelect;
const groupSelect = { key: true, title: true, parent: { select: { key: true } } } as const;

type AreaRow = Prisma.ResponsibilityAreaGetPayload<{ select: typeof areaSelect }>;
type GroupRow = Prisma.AreaGroupGetPayload<{ select: typeof groupSelect }>;

/** The customer's area, or null when the customer's cell holds nothing to do (empty, N/A or only exclusions). */
function toArea(a: AreaRow, groups: readonly GroupRow[]): ObligationAreaDto | null {
  const cell = (a.cells as PartyCell[]).find((c) => c.party === "customer");
  const duties = (cell?.notApplicable ? [] : (cell?.duties ?? []))
    .map((d) => ({ text: d.text, strength: d.strength ?? ("must" as const) }))
    .filter((d) => d.strength !== "excluded");
  if (duties.length === 0) return null;
  return {
    key: a.key,
    name: a.name,
    groups: groupTitles(a.group?.key, groups),
    assignment: fromDbAssignment(a.assignment),
    duties,
    notes: a.notes,
    interpretation: a.interpretation,
  };
}

function groupTitles(key: string | undefined, groups: readonly GroupRow[]): string[] {
  const titles: string[] = [];
  const seen = new Set<string>();
  for (
    let g = groups.find((x) => x.key === key);
    g && !seen.has(g.key);
    g = groups.find((x) => x.key === g!.parent?.key)
  ) {
    seen.add(g.key);
    titles.unshift(g.title);
  }
  return titles;
}

const areasOf = (rows: readonly AreaRow[], groups: readonly GroupRow[]) => rows.flatMap((a) => toArea(a, groups) ?? []);

const dutiesIn = (areas: readonly ObligationAreaDto[]) => areas.reduce((n, a) => n + a.duties.length, 0);

/**
 * What the signed-in customer's organization must do: for every service it subscribes to (and the
 * actor may see), the customer duties by area; plus each involved provider's cross-cutting duties.
 */
export async function getObligations(options: { actor: Actor }): Promise<ObligationsDto> {
  const { actor } = options;
  requirePermission(actor, "read:obligations:own");
  const organizationId = requireUser(actor).organizationId;
  if (!organizationId)
    throw new AppError("FORBIDDEN", "Your account does not belong to an organization. Ask an administrator.");

  const db = getDb();
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { name: true, slug: true },
  });
  if (!organization)
    throw new AppError("FORBIDDEN", "Your account does not belong to an organization. Ask an administrator.");

  const services = await db.service.findMany({
    where: {
      AND: [
        { subscriptions: { some: { organizationId } } },
        visibleServiceWhere(actor),
        { provider: visibleProviderWhere(actor) },
      ],
    },
    orderBy: [{ provider: { name: "asc" } }, { position: "asc" }],
    select: {
      slug: true,
      name: true,
      category: true,
      providerId: true,
      provider: { select: { slug: true, name: true, brandColor: true } },
      areas: { orderBy: { position: "asc" }, select: areaSelect },
      areaGroups: { orderBy: { position: "asc" }, select: groupSelect },
    },
  });

  const providerIds = [...new Set(services.map((s) => s.providerId))];
  const [crossCutting, crossGroups, versions] = providerIds.length
    ? await Promise.all([
        db.responsibilityArea.findMany({
          where: { providerId: { in: providerIds }, serviceId: null },
          orderBy: { position: "asc" },
          select: { providerId: true, ...areaSelect },
        }),
        db.areaGroup.findMany({
          where: { providerId: { in: providerIds }, serviceId: null },
          orderBy: { position: "asc" },
          select: { providerId: true, ...groupSelect },
        }),
        db.providerVersion.findMany({
          where: { providerId: { in: providerIds } },
          orderBy: [{ providerId: "asc" }, { number: "desc" }],
          distinct: ["providerId"],
          select: { providerId: true, number: true, publishedAt: true, contentHash: true },
        }),
      ])
    : [[], [], []];

  const providers = providerIds.map((providerId) => {
    const own = services.filter((s) => s.providerId === providerId);
    const provider = own[0]!.provider;
    const serviceDtos = own.map((s) => {
      const areas = areasOf(s.areas, s.areaGroups);
      return { slug: s.slug, name: s.name, category: categoryFromDb[s.category], dutyCount: dutiesIn(areas), areas };
    });
    const crossAreas = areasOf(
      crossCutting.filter((a) => a.providerId === providerId),
      crossGroups.filter((g) => g.providerId === providerId),
    );
    const crossDuties = dutiesIn(crossAreas);
    const version = versions.find((v) => v.providerId === providerId);
    return {
      slug: provider.slug,
      name: provider.name,
      brandColor: provider.brandColor,
      publishedVersion: version
        ? { number: version.number, publishedAt: version.publishedAt.toISOString(), contentHash: version.contentHash }
        : null,
      dutyCount: serviceDtos.reduce((n, s) => n + s.dutyCount, crossDuties),
      services: serviceDtos,
      crossCutting: { dutyCount: crossDuties, areas: crossAreas },
    };
  });

  return obligationsDto.parse({
    organization: { name: organization.name, slug: organization.slug },
    dutyCount: providers.reduce((n, p) => n + p.dutyCount, 0),
    serviceCount: services.length,
    providers,
  });
}
