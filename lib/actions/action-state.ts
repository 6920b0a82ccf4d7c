// Shared by server actions and the client forms that show their result (no server-only imports).

/** What a server action hands back to `useActionState`: a message, and errors per field. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

export const idleState: ActionState = { status: "idle" };
