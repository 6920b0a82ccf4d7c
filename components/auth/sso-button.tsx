"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the OpenID Connect sign-in; the identity provider sends the browser back to `callbackUrl`. */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }).catch(() => setPending(false));
      }}
      className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-60"
    >
      {pending ? `Opening ${name}…` : `Sign in with ${name}`}
    </button>
  );
}
