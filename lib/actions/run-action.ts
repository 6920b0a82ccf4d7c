import "server-only";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { userFacingError } from "@/lib/errors";
import type { ActionState } from "./action-state";
import { fieldsWithNul } from "./form-fields";

export type { ActionState } from "./action-state";

/**
 * The one wrapper for server actions: refuses a form holding text the database cannot store,
 * resolves the actor (the operation itself checks the permission), and turns failures into a state
 * the form can show. Only AppError messages reach users; anything else is logged and reported
 * generically.
 */
export async function runAction(form: FormData, operation: (actor: Actor) => Promise<string>): Promise<ActionState> {
  const unstorable = fieldsWithNul(form);
  if (unstorable.length)
    return {
      status: "error",
      message: "Remove the NUL characters from the highlighted fields: they cannot be saved.",
      fieldErrors: Object.fromEntries(unstorable.map((name) => [name, "Contains a NUL character"])),
    };
  try {
    return { status: "success", message: await operation(await getActor()) };
  } catch (error) {
    const told = userFacingError(error);
    if (told) {
      const fieldErrors = Object.fromEntries((told.fieldErrors ?? []).map((f) => [f.path, f.message]));
      return { status: "error", message: told.message, fieldErrors };
    }
    // redirect() and notFound() signal through exceptions that Next.js must receive.
    if (
      error instanceof Error &&
      "digest" in error &&
      typeof error.digest === "string" &&
      error.digest.startsWith("NEXT_")
    )
      throw error;
    console.error("Server action failed", error);
    return { status: "error", message: "Something went wrong on our side. Nothing was changed.", fieldErrors: {} };
  }
}
