// Whose systems a request concerns. Systems belong to their organization: its customers read and
// edit them, admins and auditors read every organization's, and anyone else is told nothing exists
// (404), as for private content.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { requirePermission, requireUser } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";

export interface SystemScope {
  organization: { id: string; slug: string; name: string };
  /** The actor may change this organization's systems. */
  canEdit: boolean;
}

/**
 * The actor's own organization (no `organization`), or the named one. A customer asking for another
 * organization, or anyone without a systems permission asking for one, gets NOT_FOUND.
 */
export async function findSystemScope(options: {
  db: Database;
  actor: Actor;
  organization?: string | null;
}): Promise<SystemScope> {
  const { actor, db } = options;
  if (!options.organization) {
    requirePermission(actor, "read:systems:organization");
    const organizationId = requireUser(actor).organizationId;
    const organization = organizationId
      ? await db.organization.findUnique({
          where: { id: organizationId },
          select: { id: true, slug: true, name: true },
        })
      : null;
    if (!organization)
      throw new AppError("FORBIDDEN", "Your account does not belong to an organization. Ask an administrator.");
    return { organization, canEdit: can(actor, "edit:systems:organization") };
  }
  const organization = await db.organization.findUnique({
    where: { slug: options.organization },
    select: { id: true, slug: true, name: true },
  });
  const own = actor.kind === "user" && organization !== null && actor.organizationId === organization.id;
  if (!organization || !(can(actor, "read:systems:any") || (own && can(actor, "read:systems:organization"))))
    throw new AppError("NOT_FOUND", `No organization "${options.organization}".`);
  return { organization, canEdit: own && can(actor, "edit:systems:organization") };
}
