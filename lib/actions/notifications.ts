"use server";

import { revalidatePath } from "next/cache";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { addWebhook } from "@/lib/notifications/add-webhook";
import { createChangeFeed } from "@/lib/notifications/create-change-feed";
import { removeWebhook } from "@/lib/notifications/remove-webhook";
import { revokeChangeFeed } from "@/lib/notifications/revoke-change-feed";
import { setChangeEmails } from "@/lib/notifications/set-change-emails";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

// Thin adapters for /me/notifications: the form's fields in, the service call (which authorizes,
// checks and audits) out. A new feed address or webhook secret is handed back once.

const settingsPath = "/me/notifications";

export async function setChangeEmailsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    const choice = await setChangeEmails({ actor, choice: values.text("changeEmails") });
    revalidatePath(settingsPath);
    return choice === "none" ? "You will get no change emails." : "Saved.";
  });
}

/** The create form's state: on success it carries the new secret, shown once. */
export type SecretState = ActionState | { status: "success"; message: string; secret: string };

export async function createChangeFeedAction(_prev: SecretState, form: FormData): Promise<SecretState> {
  let secret: string | undefined;
  const state = await runAction(form, async (actor) => {
    secret = (await createChangeFeed({ actor })).path;
    revalidatePath(settingsPath);
    return "Feed address created.";
  });
  return state.status === "success" && secret ? { ...state, secret } : state;
}

export async function revokeChangeFeedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    await revokeChangeFeed({ actor, id: values.text("feed") });
    revalidatePath(settingsPath);
    return "Feed address revoked: it no longer works.";
  });
}

export async function addWebhookAction(_prev: SecretState, form: FormData): Promise<SecretState> {
  const values = readForm(form);
  let secret: string | undefined;
  const state = await runAction(form, async (actor) => {
    secret = (await addWebhook({ actor, url: values.text("url") })).secret;
    revalidatePath(settingsPath);
    return "Endpoint registered.";
  });
  return state.status === "success" && secret ? { ...state, secret } : state;
}

export async function removeWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async (actor) => {
    await removeWebhook({ actor, id: values.text("webhook") });
    revalidatePath(settingsPath);
    return "Endpoint removed.";
  });
}

/** From an email's link, signed in or not: the token alone says whose emails stop. */
export async function unsubscribeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  return runAction(form, async () => {
    const { changed } = await unsubscribe({ token: values.text("token") });
    return changed ? "Done: you will get no more change emails." : "You were already getting no change emails.";
  });
}
