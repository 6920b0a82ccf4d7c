// The stack of a system as a diagram: tiers top first, each with its provider, deployment model and
// contract holder, and the binding that connects it to the tier above. Text, not an image, so it
// reflows on a phone and reads aloud.
import type { SystemView } from "@/lib/systems/get-system";
import { carrierLabel } from "@/lib/model/carrier-label";

export function SystemStack({ system }: { system: SystemView }) {
  const resolved = new Map(system.resolved?.tiers.map((t) => [t.key, t]));
  const organization = system.organization.name;
  return (
    <ol aria-label="The stack, top first" className="space-y-2">
      {system.tiers.map(({ tier, provider, modelName, input }) => {
        const binding = system.bindings.find((b) => b.lowerTier === tier.key);
        const upper = binding && system.tiers.find((t) => t.tier.key === binding.upperTier);
        const party = binding && upper?.input?.service.parties.find((p) => p.key === binding.party);
        const customer = resolved.get(tier.key)?.customer;
        return (
          <li key={tier.key}>
            {binding ? (
              <p className="mb-2 ml-4 border-l-2 border-dashed border-slate-400 pl-3 text-sm text-slate-600">
                <span aria-hidden="true">↓ </span>
                {party?.name ?? binding.party} of {upper?.input?.service.name ?? binding.upperTier} is this service;
                contract held by{" "}
                {binding.contractHolder === "organization" ? organization : (upper?.provider?.name ?? "the platform")}
              </p>
            ) : null}
            <div
              className="rounded-lg border border-slate-200 border-l-4 bg-white p-3 shadow-sm"
              style={{ borderLeftColor: provider?.brandColor ?? "#94a3b8" }}
            >
              <p className="font-medium text-slate-900">
                {input ? `${provider!.name} › ${input.service.name}` : `${tier.provider} › ${tier.service}`}
              </p>
              <p className="mt-1 text-sm text-slate-600">
                {input
                  ? modelName
                    ? `Deployment model: ${modelName}`
                    : "The service's default model"
                  : "Not available"}
                {customer ? ` · its customer: ${carrierLabel(customer, organization)}` : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
