"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { acknowledgeChangeImpact } from "@/lib/notifications/acknowledge-change-impact";

// Thin adapter: the impact named by the form, the service call (which authorizes and records it) out.

export async function acknowledgeImpactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    await acknowledgeChangeImpact({ actor, id: values.text("impact") });
    revalidatePath("/me/changes", "layout");
    return "Acknowledged.";
  });
}
