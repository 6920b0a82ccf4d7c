"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { retryDelivery } from "@/lib/notifications/retry-delivery";

// Thin adapter: an administrator sends a failed delivery again (the service authorizes and audits).

export async function retryDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    await retryDelivery({ actor, id: values.text("delivery") });
    revalidatePath("/admin/deliveries");
    return "Queued: the next run of the worker sends it.";
  });
}
