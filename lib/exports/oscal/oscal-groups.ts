// Nests a service's controls in OSCAL groups that follow its (nested) area groups.
import type { MatrixRow } from "@/lib/model/area-text";
import type { GroupDto } from "@/lib/validation/api";
import { given, oneLine, some } from "./oscal-common";
import { areaGroupId } from "./oscal-ids";
import type { OscalControl, OscalGroup } from "./oscal-types";

/** What a group holds: OSCAL lets a group hold groups or controls, not both. */
export type GroupContent = { groups: OscalGroup[]; controls?: never } | { controls?: OscalControl[]; groups?: never };

interface Placed {
  /** Position of the group's first area in the list, so groups keep the matrix's reading order. */
  first: number;
  group: OscalGroup;
}

/**
 * The groups and controls under a service (or the cross-cutting areas). Areas keep their order
 * within a group. Groups left without areas (by a filter, or empty in the source) are left out.
 * Where a group holds both areas and sub-groups, which OSCAL cannot say, each run of its own areas
 * between sub-groups goes into one more group, of class "ungrouped", so the reading order stays.
 */
export function groupContent(options: {
  service: string | null;
  groups: readonly GroupDto[];
  areas: readonly MatrixRow[];
  /** The service's (or the cross-cutting list's) title, for the groups of areas in no group. */
  title: string;
  control: (area: MatrixRow) => OscalControl;
}): GroupContent {
  const { service, groups, areas, control } = options;
  const known = new Set(groups.map((group) => group.key));
  // A key that names no group (never so in a valid document) counts as the top level.
  const groupOf = (area: MatrixRow) => (area.group !== null && known.has(area.group) ? area.group : null);
  const parentOf = (group: GroupDto) => (group.parent !== null && known.has(group.parent) ? group.parent : null);
  const indexed = areas.map((area, index) => ({ area, index }));

  function contents(key: string | null, title: string, seen: ReadonlySet<string>) {
    const own = indexed.filter(({ area }) => groupOf(area) === key);
    const children = groups
      .filter((group) => parentOf(group) === key && !seen.has(group.key))
      .map((group) => placed(group, new Set([...seen, group.key])))
      .filter((child): child is Placed => child !== null);
    const first = Math.min(...own.map((item) => item.index), ...children.map((child) => child.first));
    if (children.length === 0)
      return {
        first,
        content: some(
          "controls",
          own.map((item) => control(item.area)),
        ),
      };
    // In reading order, each run of this level's own areas between sub-groups becomes one group.
    const entries = [...own.map((item) => ({ first: item.index, area: item.area })), ...children].sort(
      (a, b) => a.first - b.first,
    );
    const items: Placed[] = [];
    for (const entry of entries) {
      if (!("area" in entry)) items.push(entry);
      else {
        const last = items.at(-1)?.group;
        if (last?.class === "ungrouped" && last.controls) last.controls.push(control(entry.area));
        else items.push({ first: entry.first, group: ungrouped(key, title, control(entry.area)) });
      }
    }
    return { first, content: { groups: items.map((item) => item.group) } };
  }

  function placed(group: GroupDto, seen: ReadonlySet<string>): Placed | null {
    const title = oneLine(group.title);
    const { first, content } = contents(group.key, title, seen);
    if (!Number.isFinite(first)) return null;
    return {
      first,
      group: {
        id: areaGroupId(service, group.key),
        class: "area-group",
        title,
        // "label" is OSCAL's own property for a display label such as "3.1.2"; no namespace.
        ...some("props", group.number ? [{ name: "label", value: oneLine(group.number) }] : []),
        ...some("parts", group.description ? [{ name: "overview", ...given("prose", group.description) }] : []),
        ...content,
      },
    };
  }

  return contents(null, oneLine(options.title), new Set()).content;
}

/** A group for areas that sit beside sub-groups, which the source has but OSCAL cannot say. */
function ungrouped(key: string | null, title: string, first: OscalControl): OscalGroup {
  return {
    class: "ungrouped",
    title: key === null ? `${title}: areas in no group` : `${title}: areas in no sub-group`,
    controls: [first],
  };
}
