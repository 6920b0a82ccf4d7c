"use client";

import { startTransition, useCallback, useState, useTransition } from "react";
import { changeDraftAction, type ChangeDraftState } from "@/lib/actions/draft";
import { idleState } from "@/lib/actions/action-state";
import type { DocumentChange } from "@/lib/domain/document-changes";

export type { ChangeDraftState };

/** The other editor's value when a save was refused as stale; undefined otherwise. */
export function conflictOf(state: ChangeDraftState): { current: unknown } | undefined {
  return state.status === "error" && "conflict" in state ? state.conflict : undefined;
}

/** The first error at `field` or inside it ("references.2" belongs to "references"). */
export function fieldErrorOf(state: ChangeDraftState, field: string): string | undefined {
  if (state.status !== "error") return undefined;
  const entry = Object.entries(state.fieldErrors).find(([path]) => path === field || path.startsWith(`${field}.`));
  return entry?.[1];
}

/** Errors at places no field of the form shows (so they are listed, not lost). */
export function otherFieldErrors(state: ChangeDraftState, fields: readonly string[]): string[] {
  if (state.status !== "error") return [];
  return (
    Object.entries(state.fieldErrors)
      .filter(([path]) => !fields.some((field) => path === field || path.startsWith(`${field}.`)))
      // Paths are relative to the changed place; a bare index (the whole new item) needs no prefix.
      .map(([path, message]) => (path && !/^\d+$/.test(path) ? `${path}: ${message}` : message))
  );
}

/**
 * Sends one DocumentChange to the provider's draft through the server action. On success the server
 * revalidates the provider's pages, so the caller's props bring the saved draft; on a stale save the
 * state carries the other editor's value (see conflictOf). The returned promise resolves to the state.
 */
export function useDraftChange(provider: string) {
  const [pending, startPending] = useTransition();
  const [state, setState] = useState<ChangeDraftState>(idleState);

  const submit = useCallback(
    (change: DocumentChange): Promise<ChangeDraftState> =>
      new Promise((resolve) => {
        startPending(async () => {
          const form = new FormData();
          form.set("provider", provider);
          form.set("change", JSON.stringify(change));
          let result: ChangeDraftState;
          try {
            result = await changeDraftAction(idleState, form);
          } catch {
            result = {
              status: "error",
              message: "Could not reach the server. Nothing was saved; try again.",
              fieldErrors: {},
            };
          }
          startTransition(() => setState(result));
          resolve(result);
        });
      }),
    [provider],
  );
  const reset = useCallback(() => setState(idleState), []);
  return { state, pending, submit, reset, setState };
}
