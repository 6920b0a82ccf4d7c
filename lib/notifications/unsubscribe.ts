// The unsubscribe link of a change email (or the one-click POST a mail client sends, RFC 8058):
// the token names the user, who then gets no change emails at all (each or daily) until they
// choose again. Audited as the user themselves; unsubscribing twice changes nothing the second time.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { anonymous } from "@/lib/auth/permissions";
import { getAuthSecret } from "@/lib/auth/secret";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export async function unsubscribe(options: {
  db?: Database;
  token: string;
  /** The signing secret; the portal's auth secret when not given. */
  secret?: string;
}): Promise<{ email: string; changed: boolean }> {
  const db = options.db ?? getDb();
  const secret = options.secret ?? (await getAuthSecret(db));
  const userId = verifyUnsubscribeToken({ secret, token: options.token });
  const invalid = () =>
    new AppError(
      "INVALID_INPUT",
      "This unsubscribe link is not valid (it may have been cut short). Change your email settings on the portal instead.",
    );
  if (!userId) throw invalid();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, changeEmails: true } });
    if (!user) throw invalid();
    if (user.changeEmails === "none") return { email: user.email, changed: false };
    await tx.user.update({ where: { id: userId }, data: { changeEmails: "none" } });
    await recordAudit({
      tx,
      actor: anonymous,
      subject: { id: userId, label: user.email },
      action: "notifications.unsubscribe",
      target: { type: "user", id: userId },
      before: { changeEmails: user.changeEmails },
      after: { changeEmails: "none" },
    });
    return { email: user.email, changed: true };
  });
}
