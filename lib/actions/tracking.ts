"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { saveObligation } from "@/lib/systems/save-obligation";

// Thin adapter: the tracking form's fields in (evidence links one per line), the service call (which
// authorizes and checks everything) out.

export async function saveObligationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    const system = values.text("system");
    await saveObligation({
      actor,
      system,
      obligation: values.text("obligation"),
      expectedVersion: Number(values.text("version")),
      input: {
        status: values.text("status"),
        reason: values.text("reason"),
        approver: values.text("approver"),
        ownerId: values.text("ownerId"),
        dueDate: values.text("dueDate"),
        evidenceLinks: values
          .text("evidenceLinks")
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
        notes: values.text("notes"),
      },
    });
    revalidatePath(`/me/systems/${system}`, "layout");
    return "Saved.";
  });
}
