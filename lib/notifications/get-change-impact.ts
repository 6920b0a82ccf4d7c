// One impact as its organization reads it: the affected rows of each system, before and after.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findReadableChangeScope } from "./change-scope";
import { readImpactSystems, type ImpactSystem } from "./impact-document";
import { impactSummarySelect, toImpactSummary, type ChangeImpactSummary } from "./list-change-impacts";

export interface ChangeImpactView extends ChangeImpactSummary {
  organization: { id: string; slug: string; name: string };
  systems: ImpactSystem[];
  /** The version's note, as its publisher wrote it. */
  note: string | null;
  publishedBy: string | null;
}

export async function getChangeImpact(options: {
  db?: Database;
  actor: Actor;
  id: string;
  /** Another organization's slug, for staff; the actor's own organization when not given. */
  organization?: string;
}): Promise<ChangeImpactView> {
  const db = options.db ?? getDb();
  const { organization } = await findReadableChangeScope({
    db,
    actor: options.actor,
    organization: options.organization,
  });
  const notFound = new AppError("NOT_FOUND", "No such change.");
  if (!/^[0-9a-f-]{36}$/i.test(options.id)) throw notFound;
  const row = await db.changeImpact.findFirst({
    where: { id: options.id, organizationId: organization.id },
    select: { ...impactSummarySelect, providerId: true, systems: true },
  });
  if (!row) throw notFound;
  const version = await db.providerVersion.findUnique({
    where: { providerId_number: { providerId: row.providerId, number: row.toVersion } },
    select: { note: true, publishedBy: true },
  });
  return {
    ...toImpactSummary(row),
    organization,
    systems: readImpactSystems(row.systems),
    note: version?.note ?? null,
    publishedBy: version?.publishedBy ?? null,
  };
}
