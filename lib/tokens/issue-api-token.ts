import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { generateApiToken } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

export const tokenNameSchema = z
  .string("Name the token")
  .trim()
  .min(1, "Name the token, e.g. the script or system that will use it")
  .max(100, "Use at most 100 characters");

/**
 * Issues a personal API token for any active account, including the administrator's own (needs
 * manage:tokens). Returns the token once: only its SHA-256 and a short prefix are stored, with who
 * issued it. Audited as "token.issue" (name, prefix, owner: never the token or its hash).
 */
export async function issueApiToken(options: {
  db?: Database;
  actor: Actor;
  userId: string;
  name: string;
}): Promise<{ id: string; token: string; prefix: string }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  requirePermission(actor, "manage:tokens");
  const { name } = parseInput(z.object({ name: tokenNameSchema }), { name: options.name });
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { active: true } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
  if (!user.active)
    throw new AppError("INVALID_INPUT", "This account is deactivated; reactivate it before issuing tokens.");
  const { token, hash, prefix } = generateApiToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: options.userId,
        name,
        tokenHash: hash,
        prefix,
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, name: true, prefix: true, userId: true },
    });
    await recordAudit({
      tx,
      actor,
      action: "token.issue",
      target: { type: "token", id: row.id },
      after: { name: row.name, prefix: row.prefix, userId: row.userId, revokedAt: null },
    });
    return { id: row.id, token, prefix };
  });
}
