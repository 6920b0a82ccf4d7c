// The stored tracking records of one system, as the pure matching rule takes them, and the people
// who may own an obligation (the organization's active users).
import "server-only";
import { trackingStatuses, type TrackingRecord, type TrackingStatus } from "@/lib/model/obligation-tracking";
import type { Prisma } from "@/lib/generated/prisma/client";

type Reader = Pick<Prisma.TransactionClient, "trackedObligation">;

export async function loadTrackingRecords(db: Reader, systemId: string): Promise<TrackingRecord[]> {
  const rows = await db.trackedObligation.findMany({ where: { systemId }, orderBy: [{ updatedAt: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    tier: row.tier,
    area: row.area,
    party: row.party,
    position: row.position,
    dutyText: row.dutyText,
    // Written only through the schema; an unknown value (a later release's) reads as open.
    status: (trackingStatuses as readonly string[]).includes(row.status) ? (row.status as TrackingStatus) : "open",
    reason: row.reason,
    approver: row.approver,
    ownerId: row.ownerId,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    evidenceLinks: row.evidenceLinks,
    notes: row.notes,
    version: row.version,
  }));
}

export interface ObligationOwner {
  id: string;
  name: string;
  /** Deactivated users stay listed while they own a record, but cannot be chosen anew. */
  active: boolean;
}

/** The organization's active users, and any other user of it that owns one of `records`. */
export async function listObligationOwners(
  db: Pick<Prisma.TransactionClient, "user">,
  organizationId: string,
  records: readonly TrackingRecord[] = [],
): Promise<ObligationOwner[]> {
  const owning = records.flatMap((r) => (r.ownerId ? [r.ownerId] : []));
  return db.user.findMany({
    where: { organizationId, OR: [{ active: true }, { id: { in: owning } }] },
    select: { id: true, name: true, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
