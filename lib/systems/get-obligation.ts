// One obligation of a system with its history (the audit entries of its record, newest first).
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import type { TrackedObligation } from "@/lib/model/obligation-tracking";
import { AppError } from "@/lib/errors";
import { getSystemTracking, type SystemTrackingView } from "./get-system-tracking";

export interface ObligationChange {
  at: Date;
  /** Who saved it: the email at the time. */
  actor: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface ObligationView extends SystemTrackingView {
  obligation: TrackedObligation;
  history: ObligationChange[];
}

export async function getObligation(options: {
  db?: Database;
  actor: Actor;
  organization?: string | null;
  system: string;
  obligation: string;
}): Promise<ObligationView> {
  const db = options.db ?? getDb();
  const view = await getSystemTracking({ db, ...options });
  const obligation = view.tracked?.obligations.find((o) => o.key === options.obligation);
  if (!obligation) throw new AppError("NOT_FOUND", "This system has no such obligation of yours now.");
  const entries = obligation.record
    ? await db.auditEntry.findMany({
        where: { targetType: "obligation", targetId: obligation.record.id },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 200,
        select: { at: true, actorLabel: true, before: true, after: true },
      })
    : [];
  return {
    ...view,
    obligation,
    history: entries.map((e) => ({
      at: e.at,
      actor: e.actorLabel,
      before: asRecord(e.before),
      after: asRecord(e.after) ?? {},
    })),
  };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
