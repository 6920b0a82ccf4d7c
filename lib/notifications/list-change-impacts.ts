// The organization's inbox: what each new version changed for it, newest first.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { findReadableChangeScope } from "./change-scope";

export interface ChangeImpactSummary {
  id: string;
  provider: { slug: string; name: string };
  fromVersion: number;
  toVersion: number;
  actionRequired: number;
  informational: number;
  createdAt: Date;
  acknowledged: { at: Date; by: string } | null;
}

export const impactSummarySelect = {
  id: true,
  fromVersion: true,
  toVersion: true,
  actionRequired: true,
  informational: true,
  createdAt: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  provider: { select: { slug: true, name: true } },
} as const;

type SummaryRow = {
  id: string;
  fromVersion: number;
  toVersion: number;
  actionRequired: number;
  informational: number;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  provider: { slug: string; name: string };
};

export function toImpactSummary(row: SummaryRow): ChangeImpactSummary {
  return {
    id: row.id,
    provider: row.provider,
    fromVersion: row.fromVersion,
    toVersion: row.toVersion,
    actionRequired: row.actionRequired,
    informational: row.informational,
    createdAt: row.createdAt,
    acknowledged: row.acknowledgedAt ? { at: row.acknowledgedAt, by: row.acknowledgedBy ?? "Someone" } : null,
  };
}

export async function listChangeImpacts(options: {
  db?: Database;
  actor: Actor;
  /** Another organization's slug, for staff; the actor's own organization when not given. */
  organization?: string;
  limit?: number;
}) {
  const db = options.db ?? getDb();
  const { organization } = await findReadableChangeScope({
    db,
    actor: options.actor,
    organization: options.organization,
  });
  const rows = await db.changeImpact.findMany({
    where: { organizationId: organization.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 200,
    select: impactSummarySelect,
  });
  return { organization, impacts: rows.map(toImpactSummary) };
}

/** Unacknowledged impacts with action required, counted in the header for the organization's users. */
export async function countOpenImpacts(options: { db?: Database; organizationId: string }): Promise<number> {
  const db = options.db ?? getDb();
  return db.changeImpact.count({
    where: { organizationId: options.organizationId, acknowledgedAt: null, actionRequired: { gt: 0 } },
  });
}
