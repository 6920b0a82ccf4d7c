"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { createOrganization } from "@/lib/organizations/create-organization";
import { setSubscription } from "@/lib/subscriptions/set-subscription";

// Thin adapters: form fields in, service calls (which authorize and validate), a message out.

export async function createOrganizationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(async (actor) => {
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
 * subscribed when its box (`subscribed`) is ticked and unsubscribed otherwise. Each call is
 * idempotent and authorized by the service, so a repeated or partly failed save is safe to retry.
 */
export async function setSubscriptionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const organizationId = values.text("organizationId");
  const ticked = new Set(values.list("subscribed"));
  return runAction(async (actor) => {
    let changed = 0;
    for (const serviceId of values.list("serviceIds")) {
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
