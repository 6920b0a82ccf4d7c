// What changed between two versions of a provider document (draft vs published, or two published
// versions), in terms an editor reads: added, removed, changed and moved items. Pure.
//
// Matching: parties by key, sections and services by slug, contacts by value, compliance by name,
// layers by key, components by "layer/component", deployment models by key, areas by name (a
// rename is a removal plus an addition). Repeated keys are paired in order of appearance; areas
// with the same name are paired by name and plane first (Alibaba's ACS has one on each plane).
// Moves: diff-collections.ts; list fields (duties) compared as sets: diff-field-changes.ts; values
// compared as the pages show them: diff-document-fields.ts.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { PartyRef } from "@/lib/domain/assignment";
import { collectionDiff, isEmptyCollection, match, movedPairs } from "@/lib/domain/diff-collections";
import {
  areaFields,
  componentFields,
  layerFields,
  modelFields,
  providerFields,
  serviceFields,
  type Area,
  type PlacedComponent,
  type Service,
} from "./diff-document-fields";
import { fieldChanges } from "@/lib/domain/diff-field-changes";
import type {
  AreasDiff,
  DiffSummary,
  ItemRef,
  ProviderDiff,
  ServiceChange,
  ServicesDiff,
} from "@/lib/domain/diff-types";

export type {
  AreasDiff,
  CollectionDiff,
  DiffSummary,
  FieldChange,
  FieldValue,
  ItemChange,
  ItemMove,
  ItemRef,
  Plane,
  ProviderDiff,
  ServiceChange,
  ServicesDiff,
} from "@/lib/domain/diff-types";

interface Context {
  before: readonly PartyRef[];
  after: readonly PartyRef[];
  /** Party keys of either version: the cells an area is compared by. */
  cellParties: readonly string[];
}

function diffAreas(before: readonly Area[], after: readonly Area[], ctx: Context): AreasDiff {
  return collectionDiff(before, after, {
    match: [(a) => a.key, (a) => `${a.name}\u0000${a.plane ?? ""}`, (a) => a.name],
    describe: (a) => ({ key: a.key, label: a.name, plane: a.plane ?? null }),
    fields: (b, a) =>
      fieldChanges(areaFields(b, ctx.before, ctx.cellParties), areaFields(a, ctx.after, ctx.cellParties)),
  });
}

type Group = Service["groups"][number];

function diffGroups(before: readonly Group[], after: readonly Group[]) {
  const fields = (g: Group) => ({
    title: g.title,
    number: g.number ?? null,
    description: g.description ?? null,
    parent: g.parent ?? null,
  });
  return collectionDiff(before, after, {
    match: [(g) => g.key],
    describe: (g) => ({ key: g.key, label: g.number ? `${g.number} ${g.title}` : g.title }),
    fields: (b, a) => fieldChanges(fields(b), fields(a)),
  });
}

function diffService(before: Service, after: Service, ctx: Context): Omit<ServiceChange, keyof ItemRef> {
  const placed = (s: Service): PlacedComponent[] =>
    s.layers.flatMap((layer) => layer.components.map((component) => ({ layer, component })));
  return {
    fields: fieldChanges(serviceFields(before), serviceFields(after)),
    groups: diffGroups(before.groups, after.groups),
    areas: diffAreas(before.areas, after.areas, ctx),
    layers: collectionDiff(before.layers, after.layers, {
      match: [(l) => l.key],
      describe: (l) => ({ key: l.key, label: l.name }),
      fields: (b, a) => fieldChanges(layerFields(b, ctx.before), layerFields(a, ctx.after)),
    }),
    components: collectionDiff(placed(before), placed(after), {
      match: [(c) => `${c.layer.key}/${c.component.key}`],
      describe: (c) => ({ key: `${c.layer.key}/${c.component.key}`, label: `${c.layer.name} › ${c.component.name}` }),
      fields: (b, a) => fieldChanges(componentFields(b, ctx.before), componentFields(a, ctx.after)),
    }),
    deploymentModels: collectionDiff(before.deploymentModels, after.deploymentModels, {
      match: [(m) => m.key],
      describe: (m) => ({ key: m.key, label: m.name }),
      fields: (b, a) => fieldChanges(modelFields(b, ctx.before), modelFields(a, ctx.after)),
    }),
  };
}

function serviceIsUnchanged(c: Omit<ServiceChange, keyof ItemRef>): boolean {
  return (
    !c.fields.length &&
    isEmptyCollection(c.groups) &&
    isEmptyCollection(c.areas) &&
    isEmptyCollection(c.layers) &&
    isEmptyCollection(c.components) &&
    isEmptyCollection(c.deploymentModels)
  );
}

export function diffProviderDocuments(before: ProviderDocument, after: ProviderDocument): ProviderDiff {
  const ctx: Context = {
    before: before.parties,
    after: after.parties,
    cellParties: [...new Set([...before.parties, ...after.parties].map((p) => p.key))],
  };

  const parties = collectionDiff(before.parties, after.parties, {
    match: [(p) => p.key],
    describe: (p) => ({ key: p.key, label: p.name }),
    fields: (b, a) =>
      fieldChanges(
        { name: b.name, role: b.role, description: b.description ?? null },
        { name: a.name, role: a.role, description: a.description ?? null },
      ),
  });
  const sections = collectionDiff(before.sections, after.sections, {
    match: [(s) => s.slug],
    describe: (s) => ({ key: s.slug, label: s.title }),
    fields: (b, a) => fieldChanges({ title: b.title, body: b.body }, { title: a.title, body: a.body }),
  });
  const contacts = collectionDiff(before.contacts, after.contacts, {
    match: [(c) => c.value],
    describe: (c) => ({ key: c.value, label: `${c.label} (${c.value})` }),
    fields: (b, a) =>
      fieldChanges(
        { kind: b.kind, label: b.label, purpose: b.purpose ?? null },
        { kind: a.kind, label: a.label, purpose: a.purpose ?? null },
      ),
  });
  const compliance = collectionDiff(before.compliance, after.compliance, {
    match: [(c) => c.name],
    describe: (c) => ({ key: c.name, label: c.name }),
    fields: (b, a) =>
      fieldChanges(
        { kind: b.kind, clause: b.clause ?? null, notes: b.notes ?? null },
        { kind: a.kind, clause: a.clause ?? null, notes: a.notes ?? null },
      ),
  });
  const crossCuttingGroups = diffGroups(before.crossCuttingGroups, after.crossCuttingGroups);
  const crossCuttingAreas = diffAreas(before.crossCuttingAreas, after.crossCuttingAreas, ctx);

  const matchedServices = match(before.services, after.services, [(s) => s.slug]);
  const serviceRef = (s: Service, position: number): ItemRef => ({ key: s.slug, label: s.name, position });
  const services: ServicesDiff = {
    added: matchedServices.added.map(({ item, index }) => serviceRef(item, index)),
    removed: matchedServices.removed.map(({ item, index }) => serviceRef(item, index)),
    changed: matchedServices.pairs.flatMap((p) => {
      const change = diffService(p.before, p.after, ctx);
      return serviceIsUnchanged(change) ? [] : [{ ...serviceRef(p.after, p.to), ...change }];
    }),
    moved: movedPairs(matchedServices.pairs).map((p) => ({ ...serviceRef(p.after, p.to), from: p.from })),
  };

  const provider = fieldChanges(providerFields(before), providerFields(after));

  const collections: { added: unknown[]; removed: unknown[]; changed: unknown[]; moved: unknown[] }[] = [
    parties,
    sections,
    contacts,
    compliance,
    crossCuttingGroups,
    crossCuttingAreas,
    ...services.changed.flatMap((s) => [s.groups, s.areas, s.layers, s.components, s.deploymentModels]),
  ];
  const summary: DiffSummary = {
    added: services.added.length + collections.reduce((n, c) => n + c.added.length, 0),
    removed: services.removed.length + collections.reduce((n, c) => n + c.removed.length, 0),
    changed:
      (provider.length ? 1 : 0) +
      services.changed.filter((s) => s.fields.length).length +
      collections.reduce((n, c) => n + c.changed.length, 0),
    moved: services.moved.length + collections.reduce((n, c) => n + c.moved.length, 0),
  };

  return {
    provider,
    parties,
    sections,
    contacts,
    compliance,
    crossCuttingGroups,
    crossCuttingAreas,
    services,
    summary,
    isEmpty: summary.added + summary.removed + summary.changed + summary.moved === 0,
  };
}
