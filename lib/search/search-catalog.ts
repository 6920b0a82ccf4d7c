import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { fromDbAssignment, type AssignmentValue, type DbAssignment } from "@/lib/domain/assignment";
import { categoryFromDb } from "@/lib/providers/to-dto";

export const searchQuerySchema = z
  .string()
  .trim()
  .min(2, "Type at least 2 characters")
  .max(100, "Use at most 100 characters");

export interface SearchResults {
  providers: { slug: string; name: string; summary: string }[];
  services: { provider: string; providerName: string; slug: string; name: string; category: string }[];
  areas: {
    provider: string;
    providerName: string;
    service: string | null;
    serviceName: string | null;
    name: string;
    assignment: AssignmentValue;
    /** The duty that matched, when the name did not. */
    matchedDuty: string | null;
  }[];
}

const LIMIT = 50;

/** Case-insensitive search over the providers, services and areas (names and duties) the actor may see. */
export async function searchCatalog(options: { actor: Actor; query: string }): Promise<SearchResults> {
  const db = getDb();
  const providerScope = visibleProviderWhere(options.actor);
  const serviceScope = visibleServiceWhere(options.actor);
  const [providerIds, serviceIds] = await Promise.all([
    db.provider.findMany({ where: providerScope, select: { id: true } }).then((r) => r.map((p) => p.id)),
    db.service.findMany({ where: serviceScope, select: { id: true } }).then((r) => r.map((s) => s.id)),
  ]);
  const q = options.query;
  // Prisma's `contains` does not escape LIKE wildcards, so escape them for both query styles.
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = `%${escaped}%`;
  const contains = { contains: escaped, mode: "insensitive" as const };
  const [providers, services, areas] = await Promise.all([
    db.provider.findMany({
      where: { AND: [providerScope, { OR: [{ name: contains }, { summary: contains }, { slug: contains }] }] },
      orderBy: { name: "asc" },
      take: LIMIT,
      select: { slug: true, name: true, summary: true },
    }),
    db.service.findMany({
      where: { AND: [serviceScope, { OR: [{ name: contains }, { summary: contains }, { slug: contains }] }] },
      orderBy: [{ provider: { name: "asc" } }, { position: "asc" }],
      take: LIMIT,
      select: { slug: true, name: true, category: true, provider: { select: { slug: true, name: true } } },
    }),
    db.$queryRaw<
      {
        provider: string;
        providerName: string;
        service: string | null;
        serviceName: string | null;
        name: string;
        assignment: DbAssignment;
        matchedDuty: string | null;
      }[]
    >`
      SELECT p.slug AS provider, p.name AS "providerName", s.slug AS service, s.name AS "serviceName",
             a.name, a.assignment::text AS assignment,
             CASE WHEN a.name ILIKE ${pattern} THEN NULL ELSE
               (SELECT duty->>'text' FROM jsonb_array_elements(a.cells) AS cell, jsonb_array_elements(cell->'duties') AS duty
                WHERE duty->>'text' ILIKE ${pattern} LIMIT 1)
             END AS "matchedDuty"
      FROM "ResponsibilityArea" a
      JOIN "Provider" p ON p.id = a."providerId"
      LEFT JOIN "Service" s ON s.id = a."serviceId"
      WHERE a."providerId" = ANY(${providerIds}) AND (a."serviceId" IS NULL OR a."serviceId" = ANY(${serviceIds})) AND (
        a.name ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.cells) AS cell, jsonb_array_elements(cell->'duties') AS duty
                   WHERE duty->>'text' ILIKE ${pattern})
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(a."references") AS ref
                   WHERE (ref->>'framework') || ' ' || (ref->>'control') ILIKE ${pattern})
      )
      ORDER BY (a.name ILIKE ${pattern}) DESC, p.name, s.position NULLS FIRST, a.position
      LIMIT ${LIMIT}`,
  ]);
  return {
    providers,
    services: services.map((s) => ({
      provider: s.provider.slug,
      providerName: s.provider.name,
      slug: s.slug,
      name: s.name,
      category: categoryFromDb[s.category],
    })),
    areas: areas.map((a) => ({ ...a, assignment: fromDbAssignment(a.assignment) })),
  };
}
