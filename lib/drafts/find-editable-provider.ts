import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The provider the actor may edit: unknown or hidden ones are "not found", visible ones "not allowed". */
export async function findEditableProvider(options: { db?: Database; actor: Actor; slug: string }) {
  const db = options.db ?? getDb();
  const provider = await db.provider.findFirst({
    where: { AND: [{ slug: options.slug }, visibleProviderWhere(options.actor)] },
    select: { id: true, slug: true, name: true },
  });
  if (!provider) throw new AppError("NOT_FOUND", `No provider "${options.slug}".`);
  requirePermission(options.actor, "edit:provider:own", { providerId: provider.id });
  return provider;
}
