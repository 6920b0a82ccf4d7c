// Writes one audit entry. Call it with the transaction client of the change it records, so the
// entry and the change commit or roll back together. Below every module that records (sign-in among
// them), so it names only what it reads of an actor rather than importing lib/auth.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What an entry records of who acted; lib/auth/permissions.ts's Actor fits it. */
export type AuditedActor =
  { kind: "anonymous" } | { kind: "system"; command: string } | { kind: "user"; id: string; email: string };

export type AuditClient = Pick<Prisma.TransactionClient, "auditEntry">;

/** JSON-safe values only; callers pass allowlisted fields (never password hashes or token secrets). */
export type AuditValue = Prisma.InputJsonValue;

export function actorLabel(actor: AuditedActor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "system") return `system:${actor.command}`;
  return "anonymous";
}

export async function recordAudit(options: {
  tx: AuditClient;
  actor: AuditedActor;
  action: string;
  target: { type: string; id?: string | null };
  providerId?: string | null;
  before?: AuditValue | null;
  after?: AuditValue | null;
  /** Sign-in events, where the request has no actor yet: who signed in, or the email tried. */
  subject?: { id: string | null; label: string };
}): Promise<void> {
  const { actor } = options;
  await options.tx.auditEntry.create({
    data: {
      actorId: options.subject ? options.subject.id : actor.kind === "user" ? actor.id : null,
      actorLabel: options.subject?.label ?? actorLabel(actor),
      action: options.action,
      targetType: options.target.type,
      targetId: options.target.id ?? null,
      providerId: options.providerId ?? null,
      before: options.before ?? undefined,
      after: options.after ?? undefined,
    },
  });
}
