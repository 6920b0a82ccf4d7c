import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation/parse-input";

export const newOrganizationSchema = z.object({
  slug: z
    .string("Enter a slug")
    .trim()
    .min(2, "Use at least 2 characters")
    .max(63, "Use at most 63 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. acme-corp"),
  name: z.string("Enter a name").trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
});
export type NewOrganization = z.input<typeof newOrganizationSchema>;

const slugTaken = () =>
  new AppError("CONFLICT", "An organization with this slug already exists.", {
    fieldErrors: [{ path: "slug", message: "This slug is taken — choose another" }],
  });

/** Creates a customer organization (needs manage:users). Slugs are unique. Audited as "organization.create". */
export async function createOrganization(
  options: { db?: Database; actor: Actor } & NewOrganization,
): Promise<{ id: string; slug: string }> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:users");
  const input = parseInput(newOrganizationSchema, { slug: options.slug, name: options.name });
  const taken = await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) throw slugTaken();
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.organization.create({ data: input, select: { id: true, slug: true, name: true } });
      await recordAudit({
        tx,
        actor: options.actor,
        action: "organization.create",
        target: { type: "organization", id: created.id },
        after: { slug: created.slug, name: created.name },
      });
      return { id: created.id, slug: created.slug };
    });
  } catch (error) {
    // Someone created the same slug between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTaken();
    throw error;
  }
}
