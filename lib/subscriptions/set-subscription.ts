import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { idSchema, parseInput } from "@/lib/validation/parse-input";
import { manageableProviderIds } from "@/lib/organizations/access";

const inputSchema = z.object({
  organizationId: idSchema,
  serviceId: idSchema,
  subscribed: z.boolean("Choose whether the organization subscribes"),
});

/**
 * Subscribes an organization to a service, or ends the subscription. Authorized by
 * manage:subscriptions:own for the service's provider (admins hold manage:subscriptions:any).
 * Services the actor cannot see are reported as not found. Idempotent: `changed` says whether
 * anything was written; only a write is audited ("subscription.add" / "subscription.remove").
 */
export async function setSubscription(options: {
  db?: Database;
  actor: Actor;
  organizationId: string;
  serviceId: string;
  subscribed: boolean;
}): Promise<{ subscribed: boolean; changed: boolean }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  // Refuse callers who manage no subscriptions at all before looking anything up.
  const manageable = manageableProviderIds(actor);
  if (manageable !== null && manageable.length === 0) requirePermission(actor, "manage:subscriptions:any");
  const input = parseInput(inputSchema, {
    organizationId: options.organizationId,
    serviceId: options.serviceId,
    subscribed: options.subscribed,
  });

  const service = await db.service.findFirst({
    where: { AND: [{ id: input.serviceId }, visibleServiceWhere(actor), { provider: visibleProviderWhere(actor) }] },
    select: { providerId: true, name: true },
  });
  if (!service) throw new AppError("NOT_FOUND", "There is no such service.");
  requirePermission(actor, "manage:subscriptions:own", { providerId: service.providerId });

  const organization = await db.organization.findUnique({
    where: { id: input.organizationId },
    select: { slug: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", "There is no such organization.");

  const key = { organizationId: input.organizationId, serviceId: input.serviceId };
  const changed = await db.$transaction(async (tx) => {
    const result = input.subscribed
      ? await tx.subscription.createMany({ data: [key], skipDuplicates: true })
      : await tx.subscription.deleteMany({ where: key });
    if (result.count === 0) return false;
    const subscription = { ...key, organizationSlug: organization.slug, serviceName: service.name };
    await recordAudit({
      tx,
      actor,
      action: input.subscribed ? "subscription.add" : "subscription.remove",
      target: { type: "subscription", id: `${key.organizationId}:${key.serviceId}` },
      providerId: service.providerId,
      before: input.subscribed ? null : subscription,
      after: input.subscribed ? subscription : null,
    });
    return true;
  });
  return { subscribed: input.subscribed, changed };
}
