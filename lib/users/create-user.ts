import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { userSnapshot, userSnapshotSelect } from "@/lib/audit/user-snapshot";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { roles, roleToDb, type Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/validation/parse-input";

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "Use at most 256 characters");

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
  name: z.string().trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  role: z.enum(roles),
  password: passwordSchema.optional(),
  organizationId: z.string().uuid().optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Creates an account (needs manage:users). Customers need an organization. Audited as "user.create". */
export async function createUser(options: { db?: Database; actor: Actor; user: NewUser }): Promise<{ id: string }> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:users");
  const parsed = newUserSchema.safeParse(options.user);
  const fieldErrors = parsed.success ? [] : fieldErrorsFrom(parsed.error);
  // Report every problem at once: the organization rule and existence alongside the schema's errors.
  const role = parsed.success ? parsed.data.role : options.user.role;
  const organizationId = parsed.success ? parsed.data.organizationId : options.user.organizationId;
  if (role === "customer" && !organizationId && !fieldErrors.some((f) => f.path === "organizationId"))
    fieldErrors.push({ path: "organizationId", message: "Customers belong to an organization" });
  if (role === "customer" && organizationId && !fieldErrors.some((f) => f.path === "organizationId")) {
    const exists = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!exists) fieldErrors.push({ path: "organizationId", message: "This organization no longer exists" });
  }
  if (!parsed.success || fieldErrors.length)
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
  const user = parsed.data;
  const emailTaken = () =>
    new AppError("CONFLICT", "An account with this email already exists.", {
      fieldErrors: [{ path: "email", message: "An account with this email already exists" }],
    });
  if (await db.user.findUnique({ where: { email: user.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = user.password ? await hashPassword(user.password) : null;
  const created = db.$transaction(async (tx) => {
    const { id, ...created } = await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: roleToDb(user.role),
        passwordHash,
        organizationId: user.role === "customer" ? (user.organizationId ?? null) : null,
      },
      select: { id: true, ...userSnapshotSelect },
    });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "user.create",
      target: { type: "user", id },
      after: userSnapshot(created),
    });
    return { id };
  });
  // Someone else took the email between the check above and this insert.
  return created.catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  });
}
