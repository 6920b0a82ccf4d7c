"use client";

import { createProviderAction } from "@/lib/actions/providers";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

/** Starts a provider as an unpublished draft; the action opens its edit page. */
export function NewProviderForm() {
  const { state, pending, fieldError, formProps } = useActionForm(createProviderAction);
  const area = "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm";
  return (
    <form {...formProps} className="space-y-5" aria-label="New provider">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Provider name" name="name" required error={fieldError("name")} autoComplete="off" />
        <TextField
          label="Slug"
          name="slug"
          error={fieldError("slug")}
          autoComplete="off"
          hint="Its address: /providers/<slug>. Left empty, it is made from the name."
        />
        <div className="sm:col-span-2">
          <label htmlFor="new-provider-summary" className="block text-sm font-medium text-slate-800">
            Summary
          </label>
          <textarea
            id="new-provider-summary"
            name="summary"
            rows={3}
            required
            aria-invalid={fieldError("summary") ? true : undefined}
            aria-describedby={fieldError("summary") ? "new-provider-summary-error" : undefined}
            className={area}
          />
          {fieldError("summary") ? (
            <p id="new-provider-summary-error" className="mt-1 text-sm text-red-700">
              {fieldError("summary")}
            </p>
          ) : null}
        </div>
        <TextField
          label="Brand colour"
          name="brandColor"
          required
          defaultValue="#1d4ed8"
          error={fieldError("brandColor")}
          hint="A hex colour such as #1d4ed8."
        />
        <TextField
          label="Customer party's name"
          name="customerName"
          required
          defaultValue="Customer"
          error={fieldError("customerName")}
        />
        <TextField label="Source document's title" name="sourceTitle" required error={fieldError("sourceTitle")} />
        <TextField
          label="Source document"
          name="sourceDocument"
          required
          error={fieldError("sourceDocument")}
          hint="What was transcribed, e.g. the file or page name."
        />
        <TextField
          label="Source URL"
          name="sourceUrl"
          type="url"
          error={fieldError("sourceUrl")}
          hint="https:// or http:// only."
        />
        <div>
          <label htmlFor="new-provider-third-parties" className="block text-sm font-medium text-slate-800">
            Third parties <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id="new-provider-third-parties"
            name="thirdParties"
            rows={3}
            aria-describedby="new-provider-third-parties-hint"
            className={area}
          />
          <p id="new-provider-third-parties-hint" className="mt-1 text-xs text-slate-500">
            One per line, e.g. “Hyperscaler” or “hyperscaler: AWS” (key: name). Each gets its own column.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="isPrivate"
            value="true"
            className="size-4 rounded border-slate-300 accent-blue-700"
          />
          Private provider (only subscribed customers see it once published)
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create the draft
        </SubmitButton>
        <FormMessage state={state} id="new-provider-message" />
      </div>
    </form>
  );
}
