"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/create-organization";
import { setSubscription } from "@/lib/subscriptions/set-subscription";

// Thin adapters: form fields in, service calls (which authorize and validate), a message out.

export async function createOrganizationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    const { slug } = await createOrganization({
      actor,
      slug: values.text("slug"),
      name: values.text("name"),
    });
    revalidatePath("/admin/organizations");
    return `Organization “${slug}” created.`;
  });
}

/**
 * Saves one provider's checklist: every service listed in `serviceIds` (hidden fields) is set to
 * subscribed when its box (`subscribed`) is ticked and unsubscribed otherwise. All or nothing: every
 * service is checked by the service function (id, existence, the actor's right) before any changes,
 * so a form naming one bad service changes nothing. Each call is idempotent, so a save is safe to retry.
 */
export async function setSubscriptionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const organizationId = values.text("organizationId");
  const serviceIds = [...new Set(values.list("serviceIds"))];
  const ticked = new Set(values.list("subscribed"));
  return runAction(form, async (actor) => {
    // The checking pass asks for what already holds, which writes nothing.
    const current = await subscribedAmong(organizationId, serviceIds);
    for (const serviceId of serviceIds)
      await setSubscription({ actor, organizationId, serviceId, subscribed: current.has(serviceId) });
    let changed = 0;
    for (const serviceId of serviceIds) {
      const result = await setSubscription({
        actor,
        organizationId,
        serviceId,
        subscribed: ticked.has(serviceId),
      });
      if (result.changed) changed += 1;
    }
    revalidatePath("/admin/organizations", "layout");
    return changed === 0 ? "No changes to save." : `Saved ${changed} ${changed === 1 ? "change" : "changes"}.`;
  });
}

/** Which of the services the organization subscribes to now (unknown ids simply are not). */
async function subscribedAmong(organizationId: string, serviceIds: string[]): Promise<Set<string>> {
  const rows = await getDb().subscription.findMany({
    where: { organizationId, serviceId: { in: serviceIds } },
    select: { serviceId: true },
  });
  return new Set(rows.map((row) => row.serviceId));
}
