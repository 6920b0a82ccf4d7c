"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/auth/permissions";
import { readForm } from "@/lib/actions/form-fields";
import { runAction, type ActionState } from "@/lib/actions/run-action";
import { AppError } from "@/lib/errors";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createUser } from "@/lib/users/create-user";
import { setManagedProviders } from "@/lib/users/set-managed-providers";
import { setPassword } from "@/lib/users/set-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";

// Thin adapters: form fields in, one service call (which authorizes and validates), a message out.

const userPath = (id: string) => `/admin/users/${encodeURIComponent(id)}`;

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  let created: string | undefined;
  const state = await runAction(form, async (actor) => {
    const password = values.text("password");
    const organizationId = values.text("organizationId");
    ({ id: created } = await createUser({
      actor,
      user: {
        email: values.text("email"),
        name: values.text("name"),
        role: values.text("role") as Role,
        password: password === "" ? undefined : password,
        organizationId: organizationId === "" ? undefined : organizationId,
      },
    }));
    revalidatePath("/admin/users");
    return "User created.";
  });
  // Outside runAction: redirect() works by throwing.
  if (state.status === "success" && created) redirect(userPath(created));
  return state;
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const userId = values.text("userId");
  return runAction(form, async (actor) => {
    await updateUser({
      actor,
      userId,
      version: values.text("version"),
      name: values.text("name"),
      role: values.text("role") as Role,
      organizationId: values.text("organizationId"),
    });
    revalidatePath("/admin/users");
    revalidatePath(userPath(userId));
    return "Saved.";
  });
}

export async function setManagedProvidersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const userId = values.text("userId");
  return runAction(form, async (actor) => {
    await setManagedProviders({
      actor,
      userId,
      version: values.text("version"),
      providerIds: values.list("providerIds"),
    });
    revalidatePath("/admin/users");
    revalidatePath(userPath(userId));
    return "Provider assignments saved.";
  });
}

export async function setPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const userId = values.text("userId");
  return runAction(form, async (actor) => {
    await setPassword({
      actor,
      userId,
      version: values.text("version"),
      password: values.text("password"),
    });
    revalidatePath(userPath(userId));
    return "Password changed.";
  });
}

export async function setUserActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const userId = values.text("userId");
  const active = values.text("active");
  return runAction(form, async (actor) => {
    if (active !== "true" && active !== "false")
      throw new AppError("INVALID_INPUT", "Choose whether to activate or deactivate the account.");
    await setUserActive({ actor, userId, version: values.text("version"), active: active === "true" });
    revalidatePath("/admin/users");
    revalidatePath(userPath(userId));
    return active === "true" ? "Account reactivated." : "Account deactivated; its sessions have ended.";
  });
}

/** The issue form's state: on success it carries the new token, shown once and never stored. */
export type IssueTokenState = ActionState | { status: "success"; message: string; token: string; tokenName: string };

export async function issueApiTokenAction(_prev: IssueTokenState, form: FormData): Promise<IssueTokenState> {
  const values = readForm(form);
  const userId = values.text("userId");
  let token: string | undefined;
  const state = await runAction(form, async (actor) => {
    ({ token } = await issueApiToken({ actor, userId, name: values.text("name") }));
    revalidatePath("/admin/users");
    revalidatePath(userPath(userId));
    return "Token issued.";
  });
  return state.status === "success" && token ? { ...state, token, tokenName: values.text("name").trim() } : state;
}

export async function revokeApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = readForm(form);
  const userId = values.text("userId");
  return runAction(form, async (actor) => {
    await revokeApiToken({ actor, tokenId: values.text("tokenId") });
    revalidatePath("/admin/users");
    if (userId) revalidatePath(userPath(userId));
    return "Token revoked.";
  });
}
