import { anonymous, type Actor } from "@/lib/auth/permissions";

// Integration tests call route handlers and server actions outside a Next.js request, where
// there are no cookies or headers: the request's actor is set here instead (see database.setup.ts).
let current: Actor = anonymous;

export function actAs(actor: Actor): void {
  current = actor;
}

export function currentTestActor(): Actor {
  return current;
}
