// What the stack diagram's boxes mean, in the source's words and ours: each layer's and component's
// description, our interpretation where the source was read rather than copied, the matrix row a box
// corresponds to — and, visibly, where the drawing and that row disagree and why.
import { describeAssignment, splitMarkers } from "@/lib/diagrams/stack-diagram";
import type { AssignmentValue } from "@/lib/domain/assignment";
import type { AreaDto, LayerDto, PartyDto } from "@/lib/validation/api";

type Component = LayerDto["components"][number] & { variesByModel?: boolean };
type Layer = Omit<LayerDto, "components"> & { components: readonly Component[] };
type Holding = { assignment: AssignmentValue | null; parties: readonly string[] };
type Described = Holding & {
  key: string;
  name: string;
  description: string | null;
  interpretation: string | null;
  area: string | null;
  areaInterpretation: string | null;
  variesByModel?: boolean;
};

/** How a box's link to its matrix row reads: the row, and whether the two hold the same. */
interface Link {
  area: AreaDto;
  agrees: boolean;
}

const sameHolding = (a: Holding, b: Holding) =>
  a.assignment === b.assignment &&
  a.parties.length === b.parties.length &&
  a.parties.every((k) => b.parties.includes(k));

function linkOf(item: Described, areas: readonly AreaDto[]): Link | null {
  const area = item.area ? areas.find((a) => a.key === item.area) : undefined;
  if (!area) return null;
  // A box whose owner depends on the deployment model is compared per model by the checks, not here.
  return { area, agrees: item.assignment === null || sameHolding(item, area) };
}

const hasText = (item: Described, areas: readonly AreaDto[]) =>
  Boolean(item.description || item.interpretation || item.variesByModel || linkOf(item, areas));

function Explanation({
  item,
  areas,
  said,
}: {
  item: Described;
  areas: readonly AreaDto[];
  said: (holding: Holding) => string;
}) {
  const link = linkOf(item, areas);
  return (
    <dd className="mt-0.5 space-y-1 text-sm text-slate-700">
      {item.description ? <p>{item.description}</p> : null}
      {item.variesByModel ? <p>Who holds it depends on the deployment model: choose one above to see it.</p> : null}
      {item.interpretation ? (
        <p className="text-slate-600">
          <span className="font-medium">Our reading: </span>
          {item.interpretation}
        </p>
      ) : null}
      {link && item.assignment === null ? (
        <p className="text-slate-600">
          Matrix row “{link.area.name}”: {said(link.area)} here; the drawing leaves it to the deployment model.
        </p>
      ) : link ? (
        link.agrees ? (
          <p className="text-slate-600">
            Matrix row “{link.area.name}”: {said(link.area)}, as drawn.
          </p>
        ) : (
          <p className="text-slate-600">
            <span className="font-medium">Differs from the matrix: </span>
            drawn {said(item)}; the row “{link.area.name}” is {said(link.area)}.{" "}
            {item.areaInterpretation ?? "No reading of the difference is recorded."}
          </p>
        )
      ) : null}
    </dd>
  );
}

/**
 * Notes on the layers and components, top of the stack first: what each means, the key of the
 * markers drawn on boxes, and — outside the collapsed notes, so nobody misses it — every box whose
 * assignment differs from its matrix row's, with why. Nothing when there is nothing to say.
 */
export function StackNotes({
  layers,
  areas = [],
  parties = [],
}: {
  layers: readonly Layer[];
  /** The service's areas as the matrix shows them (under the chosen deployment model). */
  areas?: readonly AreaDto[];
  parties?: readonly Pick<PartyDto, "key" | "name">[];
}) {
  const name = (key: string) => parties.find((p) => p.key === key)?.name ?? key;
  const said = (h: Holding) => describeAssignment(h.assignment, h.parties.map(name));
  const topDown = [...layers].sort((a, b) => b.position - a.position);
  const described = topDown.filter((layer) => hasText(layer, areas) || layer.components.some((c) => hasText(c, areas)));
  const markers = topDown.flatMap((layer) => {
    const { boxes, markersOn } = splitMarkers(layer.components);
    return boxes.flatMap((host) =>
      (markersOn.get(host.key) ?? []).map((marker) => ({ host, marker: marker as Component })),
    );
  });
  const differing = topDown
    .flatMap((layer) => [layer as Described, ...layer.components])
    .map((item) => ({ item, link: linkOf(item, areas) }))
    .filter((x): x is { item: Described; link: Link } => x.link !== null && !x.link.agrees);
  if (described.length === 0 && markers.length === 0) return null;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-200 pt-3">
      {markers.length ? (
        <ul className="text-sm text-slate-700" aria-label="Markers in the diagram">
          {markers.map(({ host, marker }) => (
            <li key={`${host.key}/${marker.key}`}>
              <span aria-hidden="true" className="font-semibold">
                ◆
              </span>{" "}
              <span className="font-medium">{marker.name}</span>: drawn on every {host.name}
              {host.instances > 1 ? " instance" : ""}, as in the source’s key; {said(marker)}.
            </li>
          ))}
        </ul>
      ) : null}
      {differing.length ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-medium">Where the diagram and the matrix differ</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {differing.map(({ item, link }) => (
              <li key={item.key}>
                <span className="font-medium">{item.name}</span> is drawn {said(item)}; its row “{link.area.name}” is{" "}
                {said(link.area)}. {item.areaInterpretation ?? "No reading of the difference is recorded."}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {described.length ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">What the layers mean</summary>
          <dl className="mt-2 space-y-3">
            {described.map((layer) => (
              <div key={layer.key}>
                <dt className="font-medium text-slate-900">{layer.name}</dt>
                {hasText(layer, areas) ? <Explanation item={layer} areas={areas} said={said} /> : null}
                {layer.components.some((c) => hasText(c, areas)) ? (
                  <dd>
                    <dl className="mt-1 space-y-2 border-l-2 border-slate-200 pl-3">
                      {layer.components
                        .filter((c) => hasText(c, areas))
                        .map((component) => (
                          <div key={component.key}>
                            <dt className="text-sm font-medium text-slate-800">{component.name}</dt>
                            <Explanation item={component} areas={areas} said={said} />
                          </div>
                        ))}
                    </dl>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
