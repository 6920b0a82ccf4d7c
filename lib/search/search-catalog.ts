import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { fromDbAssignment } from "@/lib/domain/assignment";
import { categoryFromDb } from "@/lib/providers/to-dto";
import { searchResultsDto, type SearchResultsDto } from "@/lib/validation/api";
import { matchCatalog, type SearchableCatalog } from "./match-catalog";
import { searchWords } from "./search-text";

export const searchQuerySchema = z
  .string()
  .trim()
  .min(2, "Type at least 2 characters")
  .max(100, "Use at most 100 characters");

const storedCells = z.array(
  z.object({ party: z.string(), duties: z.array(z.object({ text: z.string() })).default([]) }),
);
const storedReferences = z.array(z.object({ framework: z.string(), control: z.string() }));

/**
 * Searches the providers, services and areas (names, summaries, duties, notes, framework controls)
 * the actor may see for every word of the query, in any order. The visible catalog is read and
 * matched in memory: it is small, and one matcher keeps the rules (accents, phrases, marking) in
 * one place.
 */
export async function searchCatalog(options: { actor: Actor; query: string }): Promise<SearchResultsDto> {
  const words = searchWords(options.query);
  const catalog = words.length ? await visibleCatalog(options.actor) : { providers: [], services: [], areas: [] };
  return searchResultsDto.parse(matchCatalog(catalog, words));
}

async function visibleCatalog(actor: Actor): Promise<SearchableCatalog> {
  const db = getDb();
  const providerScope = visibleProviderWhere(actor);
  const providers = await db.provider.findMany({
    where: providerScope,
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, summary: true, parties: { select: { key: true, name: true } } },
  });
  const providerIds = providers.map((p) => p.id);
  const services = await db.service.findMany({
    where: { AND: [visibleServiceWhere(actor), { providerId: { in: providerIds } }] },
    select: { id: true, providerId: true, slug: true, name: true, summary: true, category: true, position: true },
  });
  const areas = await db.responsibilityArea.findMany({
    where: {
      providerId: { in: providerIds },
      OR: [{ serviceId: null }, { serviceId: { in: services.map((s) => s.id) } }],
    },
    select: {
      providerId: true,
      serviceId: true,
      key: true,
      name: true,
      position: true,
      assignment: true,
      cells: true,
      references: true,
      notes: true,
    },
  });

  const providerOrder = new Map(providerIds.map((id, index) => [id, index]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const providerById = new Map(providers.map((p) => [p.id, p]));
  services.sort(
    (a, b) => providerOrder.get(a.providerId)! - providerOrder.get(b.providerId)! || a.position - b.position,
  );
  // Cross-cutting areas first, then by service and position, as the provider page lists them.
  const servicePosition = (id: string | null) => (id === null ? -1 : serviceById.get(id)!.position);
  areas.sort(
    (a, b) =>
      providerOrder.get(a.providerId)! - providerOrder.get(b.providerId)! ||
      servicePosition(a.serviceId) - servicePosition(b.serviceId) ||
      a.position - b.position,
  );

  return {
    providers: providers.map((p) => ({ slug: p.slug, name: p.name, summary: p.summary })),
    services: services.map((s) => ({
      provider: providerById.get(s.providerId)!.slug,
      slug: s.slug,
      name: s.name,
      summary: s.summary,
      category: categoryFromDb[s.category],
    })),
    areas: areas.map((a) => {
      const provider = providerById.get(a.providerId)!;
      const partyNames = new Map(provider.parties.map((p) => [p.key, p.name]));
      const cells = storedCells.safeParse(a.cells);
      const references = storedReferences.safeParse(a.references);
      return {
        provider: provider.slug,
        service: a.serviceId === null ? null : serviceById.get(a.serviceId)!.slug,
        key: a.key,
        name: a.name,
        assignment: fromDbAssignment(a.assignment),
        notes: a.notes,
        references: references.success ? references.data : [],
        duties: (cells.success ? cells.data : []).flatMap((cell) =>
          cell.duties.map((duty) => ({ party: partyNames.get(cell.party) ?? cell.party, text: duty.text })),
        ),
      };
    }),
  };
}
