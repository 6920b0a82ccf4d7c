// A user chooses how email tells them of changes to their organization's obligations. Kept whether or
// not email is set up, so the choice holds once it is.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findChangeScope } from "./change-scope";
import { changeEmailChoices, type ChangeEmailChoice } from "./notification-settings";

export async function setChangeEmails(options: {
  db?: Database;
  actor: Actor;
  choice: string;
}): Promise<ChangeEmailChoice> {
  const db = options.db ?? getDb();
  await findChangeScope({ db, actor: options.actor, permission: "manage:notifications:organization" });
  const user = requireUser(options.actor);
  const choice = changeEmailChoices.find((c) => c === options.choice);
  if (!choice)
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: "changeEmails", message: "Choose each change, a daily digest or no email" }],
    });
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { changeEmails: true } });
    await tx.user.update({ where: { id: user.id }, data: { changeEmails: choice } });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "notifications.email",
      target: { type: "user", id: user.id },
      before: { changeEmails: before.changeEmails },
      after: { changeEmails: choice },
    });
  });
  return choice;
}
