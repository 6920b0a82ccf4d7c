// What changed between two versions of a provider document (draft vs published, or two published
// versions), in terms an editor reads: added, removed, changed and moved items. Pure.
//
// Matching: parties by key, sections and services by slug, contacts by value, compliance by name,
// layers by key, components by "layer/component", deployment models by key, areas by name (a
// rename is a removal plus an addition). Repeated keys are paired in order of appearance; areas
// with the same name are paired by name and plane first (Alibaba's ACS has one on each plane).
//
// Reordering is reported, not ignored: the order is what the pages show. Items kept in both
// versions whose relative order changed are listed under `moved` (the fewest items that explain
// the new order); a changed position caused only by additions or removals is not a move. Duty
// lists compare as sets (added / removed, in list order); a pure reordering of duties is a
// "reordered" flag on that field.
//
// Values are compared as the pages show them: omitted parties are the assignment's default, and
// absent flags, notes and instance counts equal false, null and 1.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { responsibleParties, type AssignmentValue, type PartyRef } from "./assignment";

type Doc = ProviderDocument;
type Area = Doc["crossCuttingAreas"][number];
type Service = Doc["services"][number];
type Layer = Service["layers"][number];
type Component = Layer["components"][number];
type DeploymentModel = Service["deploymentModels"][number];

export type FieldValue = string | number | boolean | null | readonly string[];

export interface FieldChange {
  /** Field name as in the document, e.g. "assignment", "providerDuties", "source.title". */
  field: string;
  before: FieldValue;
  after: FieldValue;
  /** List fields only: entries present after but not before, in list order. */
  added?: string[];
  /** List fields only: entries present before but not after, in list order. */
  removed?: string[];
  /** List fields only: same entries, different order. */
  reordered?: boolean;
}

export interface ItemRef {
  /** The matching key: party key, slug, contact value, compliance name, area name, "layer/component". */
  key: string;
  /** What to show a person. */
  label: string;
  /** Index in its list (in `before` for removed items, in `after` otherwise). */
  position: number;
}

export interface ItemChange extends ItemRef {
  fields: FieldChange[];
}

export interface ItemMove extends ItemRef {
  /** Index in the list before. */
  from: number;
}

export type Plane = "control" | "data";

/** `E` carries what identifies an item beyond its key (an area's plane). */
export interface CollectionDiff<E extends object = object> {
  added: (ItemRef & E)[];
  removed: (ItemRef & E)[];
  changed: (ItemChange & E)[];
  moved: (ItemMove & E)[];
}

/** Areas are keyed by name; the plane tells apart two areas of one name (Alibaba's ACS). */
export type AreasDiff = CollectionDiff<{ plane: Plane | null }>;

export interface ServiceChange extends ItemChange {
  /** The service's own fields: name, category, summary, sourceSection. */
  fields: FieldChange[];
  areas: AreasDiff;
  layers: CollectionDiff;
  /** Keyed "layerKey/componentKey"; a component moved to another layer is removed and added. */
  components: CollectionDiff;
  deploymentModels: CollectionDiff;
}

export interface ServicesDiff {
  added: ItemRef[];
  removed: ItemRef[];
  /** Services with any change inside them (own fields, areas, layers, components, models). */
  changed: ServiceChange[];
  moved: ItemMove[];
}

/**
 * Counts over every level. An added or removed service counts once (not per area); a changed
 * service counts only if its own fields changed, its areas, layers, components and models count by
 * themselves; the provider counts once if any of its own fields changed.
 */
export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  /** Kept items whose relative order changed (see the module comment). */
  moved: number;
}

export interface ProviderDiff {
  /** name, summary, brandColor, isPrivate, source.title, source.document, source.url, source.retrieved */
  provider: FieldChange[];
  parties: CollectionDiff;
  sections: CollectionDiff;
  contacts: CollectionDiff;
  compliance: CollectionDiff;
  crossCuttingAreas: AreasDiff;
  services: ServicesDiff;
  summary: DiffSummary;
  isEmpty: boolean;
}

// ---- field comparison -------------------------------------------------------------------------

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function valueChange(field: string, before: FieldValue, after: FieldValue): FieldChange | null {
  if (Array.isArray(before) || Array.isArray(after)) return listChange(field, asList(before), asList(after));
  return before === after ? null : { field, before, after };
}

function asList(value: FieldValue): readonly string[] {
  return Array.isArray(value) ? (value as readonly string[]) : value === null ? [] : [String(value)];
}

/** Set difference both ways, keeping each list's order; duplicates count once. */
function listChange(field: string, before: readonly string[], after: readonly string[]): FieldChange | null {
  if (sameList(before, after)) return null;
  const was = new Set(before);
  const is = new Set(after);
  const added = [...new Set(after.filter((v) => !was.has(v)))];
  const removed = [...new Set(before.filter((v) => !is.has(v)))];
  const reordered = added.length === 0 && removed.length === 0;
  return { field, before: [...before], after: [...after], added, removed, ...(reordered ? { reordered } : {}) };
}

/** Compares two flattened records field by field, in the order of `before`'s keys. */
function fieldChanges<K extends string>(
  before: Record<K, FieldValue>,
  after: Record<K, FieldValue>,
  prefix = "",
): FieldChange[] {
  return (Object.keys(before) as K[])
    .map((k) => valueChange(`${prefix}${k}`, before[k], after[k]))
    .filter((c): c is FieldChange => c !== null);
}

/** Parties are compared as sets: their order carries no meaning. */
const sortedParties = (keys: readonly string[]) => [...keys].sort();

function who(
  assignment: AssignmentValue | null | undefined,
  keys: string[] | undefined,
  parties: readonly PartyRef[],
): string[] {
  return sortedParties(responsibleParties(assignment, keys, parties));
}

// ---- matching -----------------------------------------------------------------------------------

interface Pair<T> {
  before: T;
  after: T;
  from: number;
  to: number;
}

interface Matched<T> {
  pairs: Pair<T>[];
  removed: { item: T; index: number }[];
  added: { item: T; index: number }[];
}

/**
 * Pairs items by key (the nth occurrence with the nth occurrence); `keys` lists keys from the
 * strongest to the weakest, and each pass only sees what earlier passes left unpaired.
 */
function match<T>(before: readonly T[], after: readonly T[], keys: ((item: T) => string)[]): Matched<T> {
  const pairedBefore = new Set<number>();
  const pairedAfter = new Set<number>();
  const pairs: Pair<T>[] = [];
  for (const key of keys) {
    const waiting = new Map<string, number[]>();
    before.forEach((item, i) => {
      if (pairedBefore.has(i)) return;
      const k = key(item);
      waiting.set(k, [...(waiting.get(k) ?? []), i]);
    });
    after.forEach((item, j) => {
      if (pairedAfter.has(j)) return;
      const i = waiting.get(key(item))?.shift();
      if (i === undefined) return;
      pairedBefore.add(i);
      pairedAfter.add(j);
      pairs.push({ before: before[i]!, after: item, from: i, to: j });
    });
  }
  pairs.sort((a, b) => a.to - b.to);
  return {
    pairs,
    removed: before.flatMap((item, index) => (pairedBefore.has(index) ? [] : [{ item, index }])),
    added: after.flatMap((item, index) => (pairedAfter.has(index) ? [] : [{ item, index }])),
  };
}

/**
 * Kept items (in `after` order) outside a longest run that keeps its `before` order: the fewest
 * moves that turn the old order into the new one.
 */
function movedPairs<T>(pairs: readonly Pair<T>[]): Pair<T>[] {
  const n = pairs.length;
  if (n < 2) return [];
  // Longest increasing subsequence of `from`, O(n²) — lists here are at most a few hundred long.
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (pairs[j]!.from < pairs[i]!.from && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
  let end = 0;
  for (let i = 1; i < n; i++) if (length[i]! > length[end]!) end = i;
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = previous[i]!) kept.add(i);
  return pairs.filter((_, i) => !kept.has(i));
}

function collectionDiff<T, E extends object = object>(
  before: readonly T[],
  after: readonly T[],
  options: {
    /** Match keys, strongest first. */
    match: ((item: T) => string)[];
    /** The key and label reported, plus anything else identifying the item. */
    describe: (item: T) => { key: string; label: string } & E;
    fields: (before: T, after: T) => FieldChange[];
  },
): CollectionDiff<E> {
  const { pairs, removed, added } = match(before, after, options.match);
  const ref = (item: T, position: number): ItemRef & E => ({ ...options.describe(item), position });
  return {
    added: added.map(({ item, index }) => ref(item, index)),
    removed: removed.map(({ item, index }) => ref(item, index)),
    changed: pairs.flatMap((p) => {
      const fields = options.fields(p.before, p.after);
      return fields.length ? [{ ...ref(p.after, p.to), fields }] : [];
    }),
    moved: movedPairs(pairs).map((p) => ({ ...ref(p.after, p.to), from: p.from })),
  };
}

function isEmptyCollection(d: { added: unknown[]; removed: unknown[]; changed: unknown[]; moved: unknown[] }) {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;
}

// ---- areas --------------------------------------------------------------------------------------

function areaFields(area: Area, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    assignment: area.assignment,
    parties: who(area.assignment, area.parties, parties),
    providerDuties: area.providerDuties,
    customerDuties: area.customerDuties,
    providerNotApplicable: area.providerNotApplicable ?? false,
    customerNotApplicable: area.customerNotApplicable ?? false,
    notes: area.notes ?? null,
    interpretation: area.interpretation ?? null,
    layer: area.layer ?? null,
    plane: area.plane ?? null,
  };
}

function diffAreas(before: readonly Area[], after: readonly Area[], ctx: Context): AreasDiff {
  return collectionDiff(before, after, {
    match: [(a) => `${a.name}\u0000${a.plane ?? ""}`, (a) => a.name],
    describe: (a) => ({ key: a.name, label: a.name, plane: a.plane ?? null }),
    fields: (b, a) => fieldChanges(areaFields(b, ctx.before), areaFields(a, ctx.after)),
  });
}

// ---- services -----------------------------------------------------------------------------------

interface Context {
  before: readonly PartyRef[];
  after: readonly PartyRef[];
}

function layerFields(layer: Layer, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    name: layer.name,
    description: layer.description ?? null,
    assignment: layer.assignment ?? null,
    parties: who(layer.assignment, layer.parties, parties),
    interpretation: layer.interpretation ?? null,
  };
}

interface PlacedComponent {
  layer: Layer;
  component: Component;
}

function componentFields({ component: c }: PlacedComponent, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    name: c.name,
    description: c.description ?? null,
    assignment: c.assignment,
    parties: who(c.assignment, c.parties, parties),
    instances: c.instances ?? 1,
    interpretation: c.interpretation ?? null,
  };
}

/** One line per per-model assignment, so changes read as lines added and removed. */
function modelAssignmentLines(model: DeploymentModel, parties: readonly PartyRef[]): string[] {
  return model.assignments.map((a) => {
    const target = a.component !== undefined ? `component ${a.component}` : `area ${a.area ?? ""}`;
    const keys = who(a.assignment, a.parties, parties);
    const interpretation = a.interpretation ? ` — ${a.interpretation}` : "";
    return `${target}: ${a.assignment}${keys.length ? ` (${keys.join(", ")})` : ""}${interpretation}`;
  });
}

function modelFields(model: DeploymentModel, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    name: model.name,
    description: model.description ?? null,
    group: model.group ?? null,
    interpretation: model.interpretation ?? null,
    assignments: modelAssignmentLines(model, parties),
  };
}

function serviceFields(s: Service): Record<string, FieldValue> {
  return { name: s.name, category: s.category, summary: s.summary, sourceSection: s.sourceSection ?? null };
}

function diffService(before: Service, after: Service, ctx: Context): Omit<ServiceChange, keyof ItemRef> {
  const placed = (s: Service): PlacedComponent[] =>
    s.layers.flatMap((layer) => layer.components.map((component) => ({ layer, component })));
  return {
    fields: fieldChanges(serviceFields(before), serviceFields(after)),
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
    isEmptyCollection(c.areas) &&
    isEmptyCollection(c.layers) &&
    isEmptyCollection(c.components) &&
    isEmptyCollection(c.deploymentModels)
  );
}

// ---- provider -----------------------------------------------------------------------------------

function providerFields(d: Doc): Record<string, FieldValue> {
  return {
    slug: d.slug,
    name: d.name,
    summary: d.summary,
    brandColor: d.brandColor,
    isPrivate: d.isPrivate ?? false,
    "source.title": d.source.title,
    "source.document": d.source.document,
    "source.url": d.source.url ?? null,
    "source.retrieved": d.source.retrieved ?? null,
  };
}

export function diffProviderDocuments(before: ProviderDocument, after: ProviderDocument): ProviderDiff {
  const ctx: Context = { before: before.parties, after: after.parties };

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
    crossCuttingAreas,
    ...services.changed.flatMap((s) => [s.areas, s.layers, s.components, s.deploymentModels]),
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
    crossCuttingAreas,
    services,
    summary,
    isEmpty: summary.added + summary.removed + summary.changed + summary.moved === 0,
  };
}
