"use client";

// The system editor: name, the stack of services (top first, each with its deployment model) and,
// for the tiers as saved, the bindings (which lower tier carries a third party, who holds its
// contract, which of its areas cover each area handed down). The whole stack is sent as one field;
// the server checks it and answers with errors per place, shown next to the control they concern.
import { useState, type ReactNode } from "react";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";
import { saveSystemAction } from "@/lib/actions/systems";
import type { ServiceChoice, TierBindingChoices } from "@/lib/systems/editor-choices";

type Tier = { key: string; provider: string; service: string; model: string | null };
type Binding = {
  upperTier: string;
  party: string;
  lowerTier: string;
  contractHolder: "organization" | "upper-provider";
  coverage: Record<string, string[]>;
};

export interface SystemEditorProps {
  system: {
    slug: string;
    version: number;
    name: string;
    description: string;
    tiers: Tier[];
    bindings: Binding[];
  } | null;
  services: ServiceChoice[];
  /** For the tiers as saved; null for a new system. */
  choices: TierBindingChoices[] | null;
}

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";
const smallButton = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50";

export function SystemEditor({ system, services, choices }: SystemEditorProps) {
  const { state, pending, fieldError, formProps } = useActionForm(saveSystemAction);
  const [tiers, setTiers] = useState<Tier[]>(system?.tiers ?? []);
  const [bindings, setBindings] = useState<Binding[]>(system?.bindings ?? []);
  const [adding, setAdding] = useState("");
  const saved = JSON.stringify(system?.tiers ?? []) === JSON.stringify(tiers);
  const serviceOf = (tier: Tier) => services.find((s) => s.provider === tier.provider && s.slug === tier.service);
  const label = (tier: Tier) => serviceOf(tier)?.name ?? `${tier.provider} › ${tier.service}`;
  // Bindings name saved tiers: while the stack is being changed they wait for the save.
  const sent = { tiers, bindings: saved ? bindings : bindings.filter((b) => tiers.some((t) => t.key === b.lowerTier)) };

  const addTier = () => {
    const choice = services.find((s) => `${s.provider}/${s.slug}` === adding);
    if (!choice) return;
    let key = choice.slug;
    for (let n = 2; tiers.some((t) => t.key === key); n++) key = `${choice.slug}-${n}`;
    setTiers([...tiers, { key, provider: choice.provider, service: choice.slug, model: null }]);
    setAdding("");
  };
  const move = (i: number, by: number) => {
    const next = [...tiers];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setTiers(next);
  };
  const setBinding = (upperTier: string, party: string, change: Partial<Binding> | null) => {
    const others = bindings.filter((b) => !(b.upperTier === upperTier && b.party === party));
    const current = bindings.find((b) => b.upperTier === upperTier && b.party === party);
    if (change === null) return setBindings(others);
    const base: Binding = current ?? { upperTier, party, lowerTier: "", contractHolder: "organization", coverage: {} };
    setBindings([...others, { ...base, ...change }]);
  };

  return (
    <form {...formProps} className="space-y-8" aria-describedby="system-form-message">
      <input type="hidden" name="slug" value={system?.slug ?? ""} />
      <input type="hidden" name="version" value={system?.version ?? 0} />
      <input type="hidden" name="stack" value={JSON.stringify(sent)} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">About the system</legend>
        <Field label="Name" error={fieldError("name")} id="system-name">
          <input id="system-name" name="name" defaultValue={system?.name} className={control} />
        </Field>
        <Field label="Description (optional)" error={fieldError("description")} id="system-description">
          <textarea
            id="system-description"
            name="description"
            defaultValue={system?.description}
            rows={2}
            className={control}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend className="text-lg font-semibold text-slate-900">The stack, top first</legend>
        <ErrorText id="tiers-error" error={fieldError("tiers")} />
        <ol className="mt-3 space-y-3">
          {tiers.map((tier, i) => {
            const choice = serviceOf(tier);
            const errors = [fieldError(`tiers.${i}`), fieldError(`tiers.${i}.service`)].filter(Boolean).join(" ");
            return (
              <li key={tier.key} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="font-medium text-slate-900">
                  {i + 1}. {choice ? `${choice.providerName} › ${choice.name}` : label(tier)}
                </p>
                <ErrorText id={`tier-${i}-error`} error={errors || undefined} />
                {choice && choice.models.length > 0 ? (
                  <Field label="Deployment model" id={`tier-${i}-model`} error={fieldError(`tiers.${i}.model`)}>
                    <select
                      id={`tier-${i}-model`}
                      value={tier.model ?? ""}
                      onChange={(e) =>
                        setTiers(tiers.map((t, j) => (j === i ? { ...t, model: e.target.value || null } : t)))
                      }
                      className={control}
                    >
                      <option value="">The service&apos;s defaults</option>
                      {choice.models.map((m) => (
                        <option key={m.key} value={m.key}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                ) : null}
                <div className="mt-2 flex flex-wrap gap-2">
                  <button type="button" className={smallButton} disabled={i === 0} onClick={() => move(i, -1)}>
                    Move up<span className="sr-only"> {label(tier)}</span>
                  </button>
                  <button
                    type="button"
                    className={smallButton}
                    disabled={i === tiers.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    Move down<span className="sr-only"> {label(tier)}</span>
                  </button>
                  <button
                    type="button"
                    className={smallButton}
                    onClick={() => setTiers(tiers.filter((_, j) => j !== i))}
                  >
                    Remove<span className="sr-only"> {label(tier)}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="min-w-0 flex-1 text-sm font-medium text-slate-800">
            Add a service
            <select value={adding} onChange={(e) => setAdding(e.target.value)} className={control}>
              <option value="">Choose a service…</option>
              {services.map((s) => (
                <option key={`${s.provider}/${s.slug}`} value={`${s.provider}/${s.slug}`}>
                  {s.providerName} › {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={smallButton} onClick={addTier} disabled={!adding}>
            Add
          </button>
        </div>
      </fieldset>

      {choices && choices.some((c) => c.thirdParties.length) ? (
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">Bindings</legend>
          {!saved ? (
            <p className="mt-2 text-sm text-slate-600">Save the changed stack first; then bind its third parties.</p>
          ) : (
            choices.map((choice) => {
              const upper = tiers.findIndex((t) => t.key === choice.tier);
              const below = tiers.slice(upper + 1);
              return choice.thirdParties.map((party) => {
                const binding = bindings.find((b) => b.upperTier === choice.tier && b.party === party.key);
                const index = bindings.indexOf(binding!);
                const lower = choices.find((c) => c.tier === binding?.lowerTier);
                const id = `bind-${choice.tier}-${party.key}`;
                return (
                  <div key={id} className="mt-3 rounded-lg border border-slate-200 bg-white p-3">
                    <Field
                      label={`${party.name} of ${label(tiers[upper]!)} is`}
                      id={id}
                      error={binding ? fieldError(`bindings.${index}`) : undefined}
                    >
                      <select
                        id={id}
                        value={binding?.lowerTier ?? ""}
                        onChange={(e) =>
                          setBinding(choice.tier, party.key, e.target.value ? { lowerTier: e.target.value } : null)
                        }
                        className={control}
                      >
                        <option value="">Not bound to a service of this system</option>
                        {below.map((t) => (
                          <option key={t.key} value={t.key}>
                            {label(t)}
                          </option>
                        ))}
                      </select>
                    </Field>
                    {binding ? (
                      <>
                        <fieldset className="mt-3">
                          <legend className="text-sm font-medium text-slate-800">Who holds the contract for it?</legend>
                          {(["organization", "upper-provider"] as const).map((holder) => (
                            <label
                              key={holder}
                              className="mr-4 mt-1 inline-flex items-center gap-2 text-sm text-slate-800"
                            >
                              <input
                                type="radio"
                                name={`${id}-holder`}
                                checked={binding.contractHolder === holder}
                                onChange={() => setBinding(choice.tier, party.key, { contractHolder: holder })}
                              />
                              {holder === "organization" ? "We do" : `The provider of ${label(tiers[upper]!)}`}
                            </label>
                          ))}
                        </fieldset>
                        {party.areas.map((area) => (
                          <fieldset key={area.key} className="mt-3">
                            <legend className="text-sm font-medium text-slate-800">
                              Areas of {label(tiers.find((t) => t.key === binding.lowerTier)!)} that cover “{area.name}”
                            </legend>
                            <ErrorText
                              id={`${id}-${area.key}-error`}
                              error={fieldError(`bindings.${index}.coverage.${area.key}`)}
                            />
                            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                              {(lower?.areas ?? []).map((candidate) => {
                                const covered = binding.coverage[area.key] ?? [];
                                return (
                                  <label
                                    key={candidate.key}
                                    className="inline-flex items-center gap-2 text-sm text-slate-800"
                                  >
                                    <input
                                      type="checkbox"
                                      checked={covered.includes(candidate.key)}
                                      onChange={(e) =>
                                        setBinding(choice.tier, party.key, {
                                          coverage: {
                                            ...binding.coverage,
                                            [area.key]: e.target.checked
                                              ? [...covered, candidate.key]
                                              : covered.filter((k) => k !== candidate.key),
                                          },
                                        })
                                      }
                                    />
                                    {candidate.name}
                                  </label>
                                );
                              })}
                            </div>
                          </fieldset>
                        ))}
                      </>
                    ) : null}
                  </div>
                );
              });
            })
          )}
        </fieldset>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>{system ? "Save the system" : "Create the system"}</SubmitButton>
        <FormMessage state={state} id="system-form-message" />
      </div>
    </form>
  );
}

function Field(props: { label: string; id: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="mt-2">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.children}
      <ErrorText id={`${props.id}-error`} error={props.error} />
    </div>
  );
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;
}
