"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";

// Error codes from lib/auth/auth-options.ts (`signInErrorCodes`) and next-auth itself.
const messages: Record<string, string> = {
  CredentialsSignin: "Wrong email or password, or the account is deactivated.",
  NoAccount: "There is no active Demarc account for that sign-in. Ask an administrator to create one.",
  AccessDenied: "There is no active Demarc account for that sign-in. Ask an administrator to create one.",
  SessionRequired: "Sign in to see that page.",
};
const rateLimitedPrefix = "RateLimited:";
const generic = "Sign-in failed. Please try again; if it keeps failing, contact an administrator.";

/**
 * A message for a sign-in error code. `fromServer` is the answer to our own request; codes from the
 * address bar are never echoed (anyone can put text in a link), only mapped to fixed messages.
 */
function messageFor(code: string, fromServer: boolean): string {
  if (code.startsWith(rateLimitedPrefix)) {
    const detail = code.slice(rateLimitedPrefix.length).trim();
    return fromServer && detail ? detail : "Too many sign-in attempts. Wait a few minutes and try again.";
  }
  if (Object.hasOwn(messages, code)) return messages[code]!;
  if (code.startsWith("OAuth") || code === "Callback")
    return "Single sign-on could not be completed. Try again, or sign in with your email and password.";
  return generic;
}

const noop = () => () => {};

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  // The button stays disabled until React handles the submit (so a password never goes out as a plain form post).
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError ? messageFor(initialError, false) : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn<"credentials">("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error || !result.ok) {
        setError(messageFor(result?.error ?? "", true));
        setPending(false);
        return;
      }
      router.replace(sameOriginPath(result.url) ?? callbackUrl);
      router.refresh();
    } catch {
      setError(generic);
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <div>
        <label htmlFor="sign-in-email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={320}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="sign-in-password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          className={inputClass}
        />
      </div>
      <div>
        {/* Always in the page so screen readers announce what appears in it; no space while empty. */}
        <div id="sign-in-status" aria-live="polite" className="text-sm not-empty:mb-4">
          {error ? (
            <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 font-medium text-red-800">{error}</p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={!hydrated || pending}
          className="mt-2 w-full rounded-lg bg-slate-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}

const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30";

/** next-auth answers with an absolute URL; keep it only when it points back to this site. */
function sameOriginPath(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    if (parsed.origin !== window.location.origin) return null;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return null;
  }
}
