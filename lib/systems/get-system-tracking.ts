// A system with its obligations' tracking: every duty the stack leaves to the organization, matched
// to what was recorded about it (lib/model/obligation-tracking.ts), and who may own one.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { trackSystem, type TrackedSystem } from "@/lib/model/obligation-tracking";
import { getSystem, type SystemView } from "./get-system";
import { listObligationOwners, loadTrackingRecords, type ObligationOwner } from "./tracking-records";

export interface SystemTrackingView {
  system: SystemView;
  /** Null while the system no longer fits its services (see `system.problems`); records are kept. */
  tracked: TrackedSystem | null;
  owners: ObligationOwner[];
  /** The date overdue is measured against (UTC), YYYY-MM-DD. */
  today: string;
}

export async function getSystemTracking(options: {
  db?: Database;
  actor: Actor;
  organization?: string | null;
  system: string;
  now?: Date;
}): Promise<SystemTrackingView> {
  const db = options.db ?? getDb();
  const system = await getSystem({
    db,
    actor: options.actor,
    organization: options.organization,
    system: options.system,
  });
  const records = system.id ? await loadTrackingRecords(db, system.id) : [];
  const owners = await listObligationOwners(db, system.organization.id, records);
  return {
    system,
    tracked: system.resolved ? trackSystem(system.resolved, records) : null,
    owners,
    today: (options.now ?? new Date()).toISOString().slice(0, 10),
  };
}
