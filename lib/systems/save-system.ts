// Creates a system or replaces one whole (name, tiers, bindings), for the actor's own organization.
// Checked before anything is written: the input's shape, every tier's service visible to the actor,
// the structure against those services (lib/model/system-resolution.ts). An update names the
// version it was edited from; if someone saved in between, it is refused as a conflict.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { checkSystem } from "@/lib/model/system-resolution";
import { slugify } from "@/lib/domain/slug";
import { AppError, type FieldError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { systemInputSchema, type SystemStructure } from "@/lib/validation/system";
import { loadSystemTiers } from "./load-system-tiers";
import { isSubscribedServices } from "./subscribed-services";
import { findSystemScope } from "./system-scope";

export async function saveSystem(options: {
  db?: Database;
  actor: Actor;
  /** The system to replace; absent: create one. */
  system?: { slug: string; expectedVersion: number };
  input: unknown;
}): Promise<{ slug: string; version: number }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  const scope = await findSystemScope({ db, actor });
  requirePermission(actor, "edit:systems:organization");
  const input = parseInput(systemInputSchema, options.input);
  await checkAgainstServices(actor, input);

  const organizationId = scope.organization.id;
  const data = {
    name: input.name,
    description: input.description || null,
    tiers: input.tiers,
    bindings: input.bindings,
  };
  return db.$transaction(async (tx) => {
    if (!options.system) {
      const slug = slugify(input.name) || "system";
      if (
        await tx.system.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: { id: true } })
      )
        throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
          fieldErrors: [{ path: "name", message: "Your organization already has a system of this name" }],
        });
      const created = await tx.system.create({ data: { organizationId, slug, ...data }, select: { id: true } });
      await recordAudit({
        tx,
        actor,
        action: "system.create",
        target: { type: "system", id: created.id },
        after: { organization: scope.organization.slug, slug, ...data },
      });
      return { slug, version: 1 };
    }
    const where = { organizationId_slug: { organizationId, slug: options.system.slug } };
    const before = isSubscribedServices(options.system.slug) ? null : await tx.system.findUnique({ where });
    if (!before) throw new AppError("NOT_FOUND", `No such system: "${options.system.slug}".`);
    // Compare-and-set: only the version the editor started from is replaced.
    const { count } = await tx.system.updateMany({
      where: { id: before.id, version: options.system.expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0)
      throw new AppError(
        "CONFLICT",
        "Someone else saved this system since you opened it, so your changes were not saved. Reload to see theirs.",
      );
    await recordAudit({
      tx,
      actor,
      action: "system.update",
      target: { type: "system", id: before.id },
      before: { name: before.name, description: before.description, tiers: before.tiers, bindings: before.bindings },
      after: { organization: scope.organization.slug, slug: before.slug, ...data },
    });
    return { slug: before.slug, version: before.version + 1 };
  });
}

/** Every tier names a service the actor may see (and a model it has); bindings fit those services. */
async function checkAgainstServices(actor: Actor, input: SystemStructure): Promise<void> {
  const loaded = await loadSystemTiers({ actor, tiers: input.tiers });
  const fieldErrors: FieldError[] = loaded.flatMap((t, i) =>
    t.input ? [] : [{ path: `tiers.${i}.service`, message: "No such published service" }],
  );
  if (fieldErrors.length === 0)
    fieldErrors.push(
      ...checkSystem(
        loaded.map((t) => t.input!),
        input.bindings,
      ),
    );
  if (fieldErrors.length) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
}
