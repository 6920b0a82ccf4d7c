// A user of the organization records that an impact was seen and handled: who and when, audited.
// Acknowledging twice conflicts loudly rather than overwriting the first acknowledgement.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { findChangeScope } from "./change-scope";

export async function acknowledgeChangeImpact(options: {
  db?: Database;
  actor: Actor;
  id: string;
}): Promise<{ acknowledgedAt: Date }> {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({ db, actor: options.actor, permission: "read:changes:organization" });
  const user = requireUser(options.actor);
  if (!/^[0-9a-f-]{36}$/i.test(options.id)) throw new AppError("NOT_FOUND", "No such change.");
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { acknowledgedAt: Date | null; acknowledgedBy: string | null; providerId: string }[]
    >`
      SELECT "acknowledgedAt", "acknowledgedBy", "providerId" FROM "ChangeImpact"
      WHERE "id" = ${options.id} AND "organizationId" = ${organization.id} FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "No such change.");
    if (row.acknowledgedAt)
      throw new AppError(
        "CONFLICT",
        `${row.acknowledgedBy ?? "Someone"} already acknowledged this change on ${formatDateTime(row.acknowledgedAt)}.`,
      );
    const acknowledgedAt = new Date();
    await tx.changeImpact.update({
      where: { id: options.id },
      data: { acknowledgedAt, acknowledgedById: user.id, acknowledgedBy: user.name },
    });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "impact.acknowledge",
      target: { type: "impact", id: options.id },
      providerId: row.providerId,
      after: { organization: organization.slug, acknowledgedAt: acknowledgedAt.toISOString() },
    });
    return { acknowledgedAt };
  });
}
