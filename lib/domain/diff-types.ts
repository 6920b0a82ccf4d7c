// The shape of a provider diff (see lib/model/diff.ts for how it is computed).

export type FieldValue = string | number | boolean | null | readonly string[];

export interface FieldChange {
  /** Field name as in the document, e.g. "assignment", "duties:customer" (a party's cell), "source.title". */
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
  /** The groups areas sit in, by key. */
  groups: CollectionDiff;
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
  /** Kept items whose relative order changed (see lib/domain/diff-collections.ts). */
  moved: number;
}

export interface ProviderDiff {
  /** name, summary, brandColor, isPrivate, source.title, source.document, source.url, source.retrieved */
  provider: FieldChange[];
  parties: CollectionDiff;
  sections: CollectionDiff;
  contacts: CollectionDiff;
  compliance: CollectionDiff;
  crossCuttingGroups: CollectionDiff;
  crossCuttingAreas: AreasDiff;
  services: ServicesDiff;
  summary: DiffSummary;
  isEmpty: boolean;
}
