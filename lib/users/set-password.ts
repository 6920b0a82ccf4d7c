import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput, parseVersion } from "@/lib/validation/parse-input";
import { passwordSchema } from "./create-user";

/**
 * An administrator sets a new password for an account (needs manage:users). Setting another
 * user's password also signs that user out everywhere (a reset usually follows a leak); an
 * administrator setting their own keeps their sessions. Takes the user's `version`. Audited as
 * "user.set-password" with `{ passwordChanged: true }` only: never the password or its hash.
 */
export async function setPassword(options: {
  db?: Database;
  actor: Actor;
  userId: string;
  version: number | string;
  password: string;
}): Promise<{ version: number }> {
  const db = options.db ?? getDb();
  const { actor, userId } = options;
  requirePermission(actor, "manage:users");
  const version = parseVersion(options.version);
  const { password } = parseInput(z.object({ password: z.string("Enter a password").pipe(passwordSchema) }), {
    password: options.password,
  });
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, version },
      data: { passwordHash, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "There is no such user.");
      throw new AppError(
        "CONFLICT",
        "Someone else changed this user — reload to see the current values; the password was not changed.",
      );
    }
    if (!(actor.kind === "user" && actor.id === userId)) await tx.session.deleteMany({ where: { userId } });
    await recordAudit({
      tx,
      actor,
      action: "user.set-password",
      target: { type: "user", id: userId },
      after: { passwordChanged: true },
    });
    return { version: version + 1 };
  });
}
