// Records the status of one obligation of a system: status, reason and approver, owner, due date,
// evidence. Compare-and-set like the editor: the form names the version it was opened at (0 for a
// duty nothing was recorded about yet); the system's row is locked while the record is matched and
// written, so two saves for one duty cannot both win. Saving records the duty's current words, which
// clears a "changed by the provider" flag. Audited; the audit entries are the obligation's history.
import "server-only";
import { recordAudit, type AuditValue } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { trackSystem, type TrackingRecord, type TrackingStatus } from "@/lib/model/obligation-tracking";
import { AppError } from "@/lib/errors";
import { trackingInputSchema } from "@/lib/validation/obligation-tracking";
import { MAX_DATABASE_INTEGER, parseInput } from "@/lib/validation/parse-input";
import { getSystem } from "./get-system";
import { SUBSCRIBED_SERVICES } from "./subscribed-services";
import { listObligationOwners, loadTrackingRecords } from "./tracking-records";

export async function saveObligation(options: {
  db?: Database;
  actor: Actor;
  system: string;
  /** The obligation's key in the system's current resolution (`tier.area.party.position`). */
  obligation: string;
  expectedVersion: number;
  input: unknown;
}): Promise<{ id: string; version: number; status: TrackingStatus }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  const system = await getSystem({ db, actor, system: options.system });
  requirePermission(actor, "edit:systems:organization");
  if (!system.canEdit) throw new AppError("FORBIDDEN", "You may read this system's obligations but not change them.");
  const expected = options.expectedVersion;
  if (!Number.isInteger(expected) || expected < 0 || expected > MAX_DATABASE_INTEGER)
    throw new AppError("INVALID_INPUT", "This form is out of date or incomplete — reload the page and try again.");
  const input = parseInput(trackingInputSchema, options.input);
  const ownerId = input.ownerId || null;
  const activeMembers = new Set((await listObligationOwners(db, system.organization.id)).map((o) => o.id));
  if (!system.resolved)
    throw new AppError(
      "CONFLICT",
      system.subscribed
        ? "A service your organization subscribes to is no longer published. Ask your account manager."
        : "This system no longer fits its services. Fix it in the editor, then try again.",
    );
  const resolved = system.resolved;

  return db.$transaction(async (tx) => {
    // The subscribed services' row holds only their records: made with the first one (a concurrent
    // first save finds it made and waits for its lock).
    if (system.subscribed)
      await tx.system.createMany({
        data: [
          {
            organizationId: system.organization.id,
            slug: SUBSCRIBED_SERVICES,
            name: system.name,
            description: system.description,
            tiers: [],
            bindings: [],
          },
        ],
        skipDuplicates: true,
      });
    const [locked] = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT "id", "version" FROM "System"
      WHERE "organizationId" = ${system.organization.id} AND "slug" = ${system.slug} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", `No such system: "${options.system}".`);
    // The subscribed services' stack is the subscriptions, not the row: its version never changes.
    if (locked.version !== system.version && !system.subscribed)
      throw new AppError("CONFLICT", "Someone changed this system's stack just now. Reload, then record it again.");
    const systemId = locked.id;
    const tracked = trackSystem(resolved, await loadTrackingRecords(tx, systemId));
    const obligation = tracked.obligations.find((o) => o.key === options.obligation);
    if (!obligation)
      throw new AppError(
        "NOT_FOUND",
        "This system has no such obligation of yours now. Reload to see its current ones.",
      );
    const before = obligation.record;
    // A deactivated owner may stay (the form keeps them), but nobody outside the active members is chosen anew.
    if (ownerId && ownerId !== before?.ownerId && !activeMembers.has(ownerId))
      throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
        fieldErrors: [{ path: "ownerId", message: "Choose an active member of your organization" }],
      });
    if ((before?.version ?? 0) !== expected)
      throw new AppError(
        "CONFLICT",
        "Someone else saved this obligation since you opened it, so your changes were not saved. Reload to see theirs.",
        { current: before && snapshot(before) },
      );
    const data = {
      tier: obligation.tier,
      area: obligation.area,
      party: obligation.party,
      position: obligation.position,
      dutyText: obligation.text,
      status: input.status,
      reason: input.reason || null,
      approver: input.status === "risk-accepted" ? input.approver || null : null,
      ownerId,
      dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
      evidenceLinks: input.evidenceLinks,
      notes: input.notes || null,
    };
    const id = before
      ? (await tx.trackedObligation.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } }))
          .id
      : (await tx.trackedObligation.create({ data: { ...data, systemId } })).id;
    const version = (before?.version ?? 0) + 1;
    await recordAudit({
      tx,
      actor,
      action: "obligation.update",
      target: { type: "obligation", id },
      before: before ? snapshot(before) : null,
      after: {
        organization: system.organization.slug,
        system: system.slug,
        ...snapshot({ ...data, dueDate: input.dueDate || null, version }),
      },
    });
    return { id, version, status: input.status };
  });
}

/** What the history and a conflict show of a record. */
function snapshot(
  record: Pick<
    TrackingRecord,
    "tier" | "area" | "dutyText" | "status" | "reason" | "approver" | "ownerId" | "dueDate" | "evidenceLinks" | "notes"
  > & { version: number },
): Record<string, AuditValue | null> {
  return {
    tier: record.tier,
    area: record.area,
    duty: record.dutyText,
    status: record.status,
    reason: record.reason,
    approver: record.approver,
    ownerId: record.ownerId,
    dueDate: record.dueDate,
    evidenceLinks: record.evidenceLinks,
    notes: record.notes,
    version: record.version,
  };
}
