// A readable diff of two provider documents (from lib/model/diff.ts): summary counts, then provider
// fields, services (areas, layers, components, deployment models), cross-cutting areas, parties,
// sections, contacts and compliance. Inline (one column, − and + lines in place) or side by side
// (before | after). Server-compatible: no hooks. Colour is never the only cue: every added or removed
// line carries + or − and a screen-reader word.
import type { ProviderDiff } from "@/lib/model/diff";
import type { DiffLayout } from "@/lib/versions/version-format";
import { AreasChanges } from "./diff/area-changes";
import { CollectionChanges } from "./diff/collection-changes";
import { Block } from "./diff/diff-blocks";
import { hasChanges, type DiffContext, type Doc } from "./diff/diff-context";
import { DiffSummary } from "./diff/diff-summary";
import { Fields } from "./diff/field-changes";
import { Moves } from "./diff/item-cards";
import { ServiceChangeView, ServiceList } from "./diff/service-changes";

export { DiffSummary } from "./diff/diff-summary";

export interface DiffViewProps {
  diff: ProviderDiff;
  before: Doc;
  after: Doc;
  layout: DiffLayout;
  beforeLabel: string;
  afterLabel: string;
  /** Link to a service as it is in `after` (changed and added services). */
  serviceHref?: (slug: string) => string;
}

export function DiffView({ diff, before, after, layout, beforeLabel, afterLabel, serviceHref }: DiffViewProps) {
  const partyNames = new Map<string, string>([
    ...before.parties.map((p) => [p.key, p.name] as const),
    ...after.parties.map((p) => [p.key, p.name] as const),
  ]);
  const ctx: DiffContext = { layout, beforeLabel, afterLabel, partyNames };
  const addedServices = diff.services.added.flatMap((ref) => after.services[ref.position] ?? []);
  const removedServices = diff.services.removed.flatMap((ref) => before.services[ref.position] ?? []);
  const servicesChanged = hasChanges(diff.services);

  return (
    <div data-layout={layout}>
      <DiffSummary diff={diff} />
      {diff.isEmpty ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
          These versions have the same content: nothing a reader sees differs.
        </p>
      ) : null}
      {diff.provider.length ? (
        <Block id="diff-provider" title="Provider details">
          <div className="rounded-xl border border-slate-200 bg-white px-4 py-2 shadow-sm">
            <Fields fields={diff.provider} ctx={ctx} />
          </div>
        </Block>
      ) : null}

      {servicesChanged ? (
        <Block id="diff-services" title="Services">
          <ul className="space-y-3">
            <ServiceList services={addedServices} kind="added" />
            <ServiceList services={removedServices} kind="removed" />
            {diff.services.changed.map((change) => (
              <ServiceChangeView
                key={change.key}
                change={change}
                before={before}
                after={after}
                ctx={ctx}
                href={serviceHref?.(change.key)}
              />
            ))}
            <Moves moves={diff.services.moved} noun="services" />
          </ul>
        </Block>
      ) : null}

      {hasChanges(diff.crossCuttingAreas) || hasChanges(diff.crossCuttingGroups) ? (
        <Block id="diff-cross-cutting" title="Cross-cutting responsibilities">
          {hasChanges(diff.crossCuttingGroups) ? (
            <CollectionChanges diff={diff.crossCuttingGroups} noun="groups" ctx={ctx} />
          ) : null}
          <AreasChanges
            diff={diff.crossCuttingAreas}
            before={before.crossCuttingAreas}
            after={after.crossCuttingAreas}
            ctx={ctx}
          />
        </Block>
      ) : null}

      {hasChanges(diff.parties) ? (
        <Block id="diff-parties" title="Parties">
          <CollectionChanges diff={diff.parties} noun="parties" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.sections) ? (
        <Block id="diff-sections" title="Sections">
          <CollectionChanges diff={diff.sections} noun="sections" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.contacts) ? (
        <Block id="diff-contacts" title="Contacts">
          <CollectionChanges diff={diff.contacts} noun="contacts" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.compliance) ? (
        <Block id="diff-compliance" title="Compliance">
          <CollectionChanges diff={diff.compliance} noun="compliance references" ctx={ctx} />
        </Block>
      ) : null}
    </div>
  );
}
