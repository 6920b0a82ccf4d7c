// Change impacts, feeds and webhooks belong to one organization: its customers see and manage
// them; nobody else learns they exist (another organization's impact is NOT_FOUND). Staff with
// read:changes:any read any organization's impacts by naming it.
import "server-only";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { requirePermission, requireUser } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";

export interface ChangeScope {
  organization: { id: string; slug: string; name: string };
}

export async function findChangeScope(options: {
  db: Database;
  actor: Actor;
  permission: Extract<Permission, "read:changes:organization" | "manage:notifications:organization">;
}): Promise<ChangeScope> {
  requirePermission(options.actor, options.permission);
  const organizationId = requireUser(options.actor).organizationId;
  const organization = organizationId
    ? await options.db.organization.findUnique({
        where: { id: organizationId },
        select: { id: true, slug: true, name: true },
      })
    : null;
  if (!organization)
    throw new AppError("FORBIDDEN", "Your account does not belong to an organization. Ask an administrator.");
  return { organization };
}

/** The actor's own organization to read, or (for staff, by slug) the one named. */
export async function findReadableChangeScope(options: {
  db: Database;
  actor: Actor;
  /** Another organization's slug: only with read:changes:any. */
  organization?: string;
}): Promise<ChangeScope> {
  if (options.organization === undefined)
    return findChangeScope({ db: options.db, actor: options.actor, permission: "read:changes:organization" });
  requirePermission(options.actor, "read:changes:any");
  const organization = await options.db.organization.findUnique({
    where: { slug: options.organization },
    select: { id: true, slug: true, name: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", "No such organization.");
  return { organization };
}
