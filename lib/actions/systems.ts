"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { AppError } from "@/lib/errors";
import { deleteSystem } from "@/lib/systems/delete-system";
import { saveSystem } from "@/lib/systems/save-system";

// Thin adapters: the editor's fields (the stack as one JSON field it builds) in, the service call
// (which authorizes and checks everything) out; a saved system opens its page.

export async function saveSystemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  let saved: string | null = null;
  const state = await runAction(form, async (actor) => {
    const slug = values.text("slug");
    const result = await saveSystem({
      actor,
      system: slug ? { slug, expectedVersion: Number(values.text("version")) } : undefined,
      input: { name: values.text("name"), description: values.text("description"), ...stack(values.text("stack")) },
    });
    saved = result.slug;
    revalidatePath("/me/systems", "layout");
    return "Saved.";
  });
  if (saved) redirect(`/me/systems/${saved}`);
  return state;
}

export async function deleteSystemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  let deleted = false;
  const state = await runAction(form, async (actor) => {
    await deleteSystem({ actor, system: values.text("slug"), expectedVersion: Number(values.text("version")) });
    deleted = true;
    revalidatePath("/me/systems", "layout");
    return "Deleted.";
  });
  if (deleted) redirect("/me/systems");
  return state;
}

/** The editor's tiers and bindings; anything else is reported as a malformed form. */
function stack(json: string): { tiers: unknown; bindings: unknown } {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === "object" && value !== null) {
      const { tiers, bindings } = value as Record<string, unknown>;
      return { tiers, bindings };
    }
  } catch {
    // Reported below.
  }
  throw new AppError("INVALID_INPUT", "The form was not sent whole. Reload the page and try again.");
}
