import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { buildHeatmap, type Heatmap } from "@/lib/domain/compare";
import { fromDbAssignment } from "@/lib/domain/assignment";
import { categoryFromDb } from "./to-dto";

/** The heatmap of the provider's services the actor may see; null when unknown or hidden. */
export async function getComparison(options: {
  actor: Actor;
  slug: string;
}): Promise<{ provider: { slug: string; name: string }; heatmap: Heatmap } | null> {
  const p = await getDb().provider.findFirst({
    where: { AND: [{ slug: options.slug }, visibleProviderWhere(options.actor)] },
    select: {
      slug: true,
      name: true,
      services: {
        where: visibleServiceWhere(options.actor),
        orderBy: { position: "asc" },
        select: {
          slug: true,
          name: true,
          category: true,
          areas: { orderBy: { position: "asc" }, select: { name: true, assignment: true } },
        },
      },
    },
  });
  if (!p) return null;
  const heatmap = buildHeatmap(
    p.services.map((s) => ({
      slug: s.slug,
      name: s.name,
      category: categoryFromDb[s.category],
      areas: s.areas.map((a) => ({ name: a.name, assignment: fromDbAssignment(a.assignment) })),
    })),
  );
  return { provider: { slug: p.slug, name: p.name }, heatmap };
}
