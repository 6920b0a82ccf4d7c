import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { StackDiagram } from "@/components/diagram/stack-diagram";
import { StackNotes } from "@/components/diagram/stack-notes";
import {
  buildStackDiagram,
  charsThatFit,
  diagramMetrics,
  ellipsize,
  wrapText,
  type DiagramLayerInput,
  type Rect,
  type StackDiagramModel,
} from "@/lib/diagrams/stack-diagram";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import type { ComponentDto, PartyDto } from "@/lib/validation/api";

// Hand-made STACKIT Edge Cloud-like stack (see shared/seed-docs/002_*), bottom layer first.
function component(
  key: string,
  name: string,
  assignment: ComponentDto["assignment"],
  parties: string[],
  instances = 1,
): ComponentDto {
  return {
    key,
    name,
    description: null,
    assignment,
    parties,
    instances,
    interpretation: null,
    area: null,
    areaInterpretation: null,
    markerOn: null,
  };
}

function layer(
  key: string,
  name: string,
  position: number,
  assignment: DiagramLayerInput["assignment"],
  parties: string[],
  components: ComponentDto[],
): DiagramLayerInput {
  return {
    key,
    name,
    description: null,
    position,
    assignment,
    parties,
    interpretation: null,
    area: null,
    areaInterpretation: null,
    components,
  };
}

const parties: PartyDto[] = [
  { key: "provider", name: "STACKIT", role: "provider", description: null },
  { key: "customer", name: "Acme Corp", role: "customer", description: null },
];

const stackit: DiagramLayerInput[] = [
  layer("platform", "STACKIT Platform", 0, "provider", ["provider"], []),
  layer(
    "edge-cloud",
    "STACKIT Edge Cloud",
    1,
    "provider",
    ["provider"],
    [
      component("instance-api", "Instance API", "provider", ["provider"]),
      component("instance-components", "Instance Components", "provider", ["provider"]),
      component("supporting-services", "Supporting Services", "provider", ["provider"]),
    ],
  ),
  layer("crds", "STEC Instance CRDs (EdgeHost, EdgeImage, EdgeCluster)", 2, "customer", ["customer"], []),
  layer(
    "edge-clusters",
    "Edge Clusters",
    3,
    "customer",
    ["customer"],
    [
      component("talos", "Talos Linux", "best-effort", ["provider"], 3),
      component("edgehostlet", "EdgeHostLet", "provider", ["provider"]),
    ],
  ),
];

const build = (layers: readonly DiagramLayerInput[] = stackit, width?: number) =>
  buildStackDiagram({ layers, parties, title: "STACKIT Edge Cloud", width });

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkGeometry(d: StackDiagramModel) {
  const canvas = { x: 0, y: 0, w: d.width, h: d.height };
  d.bands.forEach((band, i) => {
    expect(inside(band, canvas)).toBe(true);
    const next = d.bands[i + 1];
    if (next) expect(band.y + band.h).toBeLessThanOrEqual(next.y);
    for (const box of band.boxes) {
      expect(inside(box, band)).toBe(true);
      expect(inside(box, band.content)).toBe(true);
      for (const card of box.cards) expect(inside(card, box)).toBe(true);
      expect(inside(box.chip, box)).toBe(true);
    }
    band.boxes.forEach((a, ai) =>
      band.boxes.slice(ai + 1).forEach((b) => expect(overlap(a, b), `${a.key} overlaps ${b.key}`).toBe(false)),
    );
  });
}

describe("text helpers", () => {
  test("wrapText breaks at spaces and keeps within the limit", () => {
    expect(wrapText("Instance Components", 12, 2)).toEqual({ lines: ["Instance", "Components"], truncated: false });
    expect(wrapText("Short", 12, 2)).toEqual({ lines: ["Short"], truncated: false });
  });

  test("wrapText truncates with an ellipsis beyond maxLines", () => {
    const r = wrapText("one two three four five six seven", 9, 2);
    expect(r.truncated).toBe(true);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[1]?.endsWith("…")).toBe(true);
    for (const line of r.lines) expect(line.length).toBeLessThanOrEqual(9);
  });

  test("wrapText breaks long words after hyphens, then hard", () => {
    expect(wrapText("Infrastructure-as-a-Service", 16, 3).lines).toEqual(["Infrastructure-", "as-a-Service"]);
    const hard = wrapText("Supercalifragilistic", 8, 3);
    expect(hard.lines).toEqual(["Supercal", "ifragili", "stic"]);
  });

  test("ellipsize and charsThatFit", () => {
    expect(ellipsize("Hyperscaler", 20)).toBe("Hyperscaler");
    expect(ellipsize("Hyperscaler", 6)).toBe("Hyper…");
    expect(charsThatFit(141)).toBe(20); // ~7px per character at 13px
  });
});

describe("buildStackDiagram", () => {
  test("bands are drawn top-down: the top layer first, the bottom layer last", () => {
    const d = build();
    expect(d.bands.map((b) => b.key)).toEqual(["edge-clusters", "crds", "edge-cloud", "platform"]);
    // Order comes from position, not array order.
    const shuffled = [stackit[2], stackit[0], stackit[3], stackit[1]].filter((l): l is DiagramLayerInput => !!l);
    expect(build(shuffled).bands.map((b) => b.key)).toEqual(["edge-clusters", "crds", "edge-cloud", "platform"]);
    const ys = d.bands.map((b) => b.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(d.width).toBe(diagramMetrics.defaultWidth);
    const last = d.bands[d.bands.length - 1];
    expect(last && last.y + last.h).toBeLessThanOrEqual(d.height);
  });

  test("bands carry label, assignment and resolved party names", () => {
    const d = build();
    const clusters = d.bands[0];
    expect(clusters).toMatchObject({ label: "Edge Clusters", assignment: "customer", partyNames: ["Acme Corp"] });
    expect(clusters?.chip?.symbol).toBe("C");
    expect(clusters?.assignmentLines.map((l) => l.text)).toEqual(["Customer · Acme Corp"]);
    const talos = clusters?.boxes.find((b) => b.key === "talos");
    expect(talos).toMatchObject({
      assignment: "best-effort",
      partyNames: ["STACKIT"],
      bestEffort: true,
      thirdParty: false,
    });
    expect(talos?.chip.symbol).toBe("B");
  });

  test("unknown party keys fall back to the key", () => {
    const d = build([
      layer("l", "L", 0, "third-party", ["hyperscaler"], [component("c", "C", "third-party", ["hyperscaler"])]),
    ]);
    expect(d.bands[0]?.boxes[0]?.partyNames).toEqual(["hyperscaler"]);
    expect(d.bands[0]?.boxes[0]?.thirdParty).toBe(true);
  });

  test("a component with several instances is one stacked box with ×n, cards inside the box", () => {
    const talos = build().bands[0]?.boxes.find((b) => b.key === "talos");
    expect(talos?.instances).toBe(3);
    expect(talos?.instanceLabel?.text).toBe("×3");
    expect(talos?.cards).toHaveLength(3);
    expect(talos?.summary).toBe("Talos Linux ×3 — best effort (STACKIT)");
    const many = build([layer("l", "L", 0, "customer", [], [component("n", "Nodes", "customer", [], 12)])]).bands[0]
      ?.boxes[0];
    expect(many?.instanceLabel?.text).toBe("×12");
    expect(many?.cards.length).toBe(diagramMetrics.maxStackCards);
    const single = build().bands[0]?.boxes.find((b) => b.key === "edgehostlet");
    expect(single?.instanceLabel).toBeNull();
    expect(single?.cards).toHaveLength(1);
  });

  test("many components wrap onto several rows; a narrower drawing needs more rows", () => {
    const comps = Array.from({ length: 9 }, (_, i) => component(`c${i}`, `Component ${i}`, "customer", ["customer"]));
    const wide = build([layer("app", "Application", 0, null, [], comps)], 960).bands[0];
    const narrow = build([layer("app", "Application", 0, null, [], comps)], 400).bands[0];
    if (!wide || !narrow) throw new Error("no band");
    expect(wide.rows).toBeGreaterThan(1);
    expect(narrow.rows).toBeGreaterThan(wide.rows);
    expect(wide.columns * wide.rows).toBeGreaterThanOrEqual(9);
    expect(new Set(wide.boxes.map((b) => b.y)).size).toBe(wide.rows);
    for (const box of [...wide.boxes, ...narrow.boxes])
      expect(box.w).toBeGreaterThanOrEqual(diagramMetrics.minBoxWidth);
    checkGeometry(build([layer("app", "Application", 0, null, [], comps)], 400));
  });

  test("boxes never overlap and stay inside their band, at several widths", () => {
    const comps = Array.from({ length: 7 }, (_, i) =>
      component(
        `c${i}`,
        i % 2 ? `A rather long component name number ${i}` : `C${i}`,
        i === 3 ? null : "shared",
        ["customer", "provider"],
        (i % 3) + 1,
      ),
    );
    const layers = [...stackit, layer("extra", "Extra", 9, null, [], comps)];
    for (const width of [280, 420, 600, 960, 1400]) checkGeometry(build(layers, width));
  });

  test("long labels wrap to at most two lines and are truncated with …", () => {
    const name = "A very long component name that cannot possibly fit into a single small box in the diagram";
    const box = build([layer("l", "L", 0, "customer", [], [component("c", name, "customer", [])])], 320).bands[0]
      ?.boxes[0];
    expect(box?.label).toBe(name);
    expect(box?.truncated).toBe(true);
    expect(box?.lines.length).toBeLessThanOrEqual(diagramMetrics.boxLabelMaxLines);
    expect(box?.lines.at(-1)?.text.endsWith("…")).toBe(true);
    const short = build().bands[0]?.boxes[0];
    expect(short?.truncated).toBe(false);
    expect(short?.lines.map((l) => l.text)).toEqual(["Talos Linux"]);
  });

  test("legend lists only the assignments used, in vocabulary order, with their party combinations", () => {
    const d = build();
    expect(d.legend.map((e) => e.assignment)).toEqual(["provider", "customer", "best-effort"]);
    expect(d.legend.find((e) => e.assignment === "provider")).toMatchObject({
      symbol: "P",
      label: "Provider",
      partyGroups: ["STACKIT"],
    });
    expect(d.hasStacks).toBe(true);
    expect(d.hasOverrides).toBe(false);

    const withGaps = build([
      layer(
        "l",
        "Layer",
        0,
        null,
        [],
        [component("a", "A", null, []), component("b", "B", "shared", ["customer", "provider"])],
      ),
    ]);
    expect(withGaps.legend.map((e) => e.assignment)).toEqual(["shared", null]);
    expect(withGaps.legend[0]?.partyGroups).toEqual(["Acme Corp + STACKIT"]);
    expect(withGaps.legend[1]).toMatchObject({ label: "Unassigned", symbol: "?" });
    expect(withGaps.hasStacks).toBe(false);
  });

  test("a layer without its own assignment is neutral when it has components, unassigned when empty", () => {
    const d = build([
      layer("empty", "Empty", 1, null, [], []),
      layer("app", "Application", 0, null, [], [component("code", "Code", "customer", ["customer"])]),
    ]);
    const [empty, app] = d.bands;
    expect(empty).toMatchObject({ unassigned: true, assignment: null });
    expect(empty?.chip?.symbol).toBe("?");
    expect(app).toMatchObject({ unassigned: false, assignment: null, chip: null, assignmentLines: [] });
    expect(d.legend.map((e) => e.assignment)).toEqual(["customer", null]);
  });

  test("desc names every layer top-down and every component with its assignment in words", () => {
    const d = build();
    expect(d.desc.startsWith("STACKIT Edge Cloud.")).toBe(true);
    expect(d.desc).toContain(
      "Edge Clusters (customer: Acme Corp): Talos Linux ×3 — best effort (STACKIT); EdgeHostLet — provider (STACKIT).",
    );
    expect(d.desc).toContain("STACKIT Platform (provider: STACKIT): no components.");
    for (const l of stackit) {
      expect(d.desc).toContain(l.name);
      for (const c of l.components) expect(d.desc).toContain(`${c.name}`);
    }
    expect(d.desc.indexOf("Edge Clusters")).toBeLessThan(d.desc.indexOf("STEC Instance CRDs"));
    expect(d.desc.indexOf("STEC Instance CRDs")).toBeLessThan(d.desc.indexOf("Instance API"));
    expect(d.desc.indexOf("Instance API")).toBeLessThan(d.desc.indexOf("STACKIT Platform ("));
    expect(build([]).desc).toContain("No layers");
  });

  test("overrides from a deployment model are flagged and described", () => {
    const effective = applyDeploymentModel(
      {
        areas: [],
        parties,
        layers: stackit.map((l) => ({ ...l, components: [...l.components] })),
        deploymentModels: [
          {
            key: "managed",
            name: "Managed OS",
            description: null,
            group: null,
            interpretation: null,
            open: false,
            assignments: [
              {
                component: "edge-clusters/talos",
                area: null,
                assignment: "provider",
                parties: ["provider"],
                interpretation: null,
              },
            ],
          },
        ],
      },
      "managed",
    );
    const d = buildStackDiagram({ layers: effective.layers, parties, title: "STACKIT — Managed OS" });
    const talos = d.bands[0]?.boxes.find((b) => b.key === "talos");
    expect(talos).toMatchObject({ overridden: true, bestEffort: false, assignment: "provider" });
    expect(talos?.overrideMark?.text).toBe("*");
    expect(d.hasOverrides).toBe(true);
    expect(d.desc).toContain("Talos Linux ×3 — provider (STACKIT), changed by the deployment model");
    expect(d.legend.map((e) => e.assignment)).toEqual(["provider", "customer"]);
  });
});

describe("<StackDiagram>", () => {
  test("renders an accessible, scalable SVG figure with a legend", () => {
    const html = renderToStaticMarkup(
      createElement(StackDiagram, { id: "svc stackit", layers: stackit, parties, title: "STACKIT Edge Cloud" }),
    );
    expect(html).toMatch(/^<figure/);
    // One layout per breakpoint, each shown alone, with its own ids.
    for (const [layout, width, shown] of [
      ["narrow", 280, "sm:hidden"],
      ["medium", 560, "hidden sm:block lg:hidden"],
      ["wide", 960, "hidden lg:block"],
    ] as const) {
      const id = `svc-stackit-${layout}`;
      expect(html).toMatch(
        new RegExp(
          `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} \\d+"[^>]* class="[^"]*${shown}"`,
        ),
      );
      expect(html).toContain(`<title id="${id}-title">STACKIT Edge Cloud</title>`);
      expect(html).toMatch(new RegExp(`<desc id="${id}-desc">STACKIT Edge Cloud\\. Stack of 4 layers`));
      expect(html).toContain(`<pattern id="${id}-hatch"`);
      expect(html).toContain(`fill="url(#${id}-hatch)"`);
    }
    // Laid out for its width, not scaled down: no text under 12 px.
    const sizes = [...html.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(html).toContain("×3");
    expect(html).toContain(">B</text>");
    expect(html).toContain(">P</text>");
    expect(html).toContain('aria-label="Legend"');
    expect(html).toContain("Best effort");
    expect(html).not.toContain("Third party");
    expect(html).toMatch(/<figcaption[^>]*>STACKIT Edge Cloud<\/figcaption><\/figure>$/);
    expect(html).not.toContain("Unassigned");
  });

  test("accepts a prebuilt model, a caption, and renders nothing without layers", () => {
    const diagram = build(stackit, 420);
    const html = renderToStaticMarkup(
      createElement(StackDiagram, { id: "d", diagram, caption: "Figure 1", legend: false }),
    );
    expect(html).toContain('viewBox="0 0 420 ');
    expect(html).toContain("Figure 1</figcaption>");
    expect(html).not.toContain('aria-label="Legend"');
    expect(renderToStaticMarkup(createElement(StackDiagram, { id: "e", diagram: build([]) }))).toBe("");
  });
});

describe("markers, model-dependent owners and the notes under the diagram", () => {
  // STACKIT as the source draws it: EdgeHostLet is the diamond inside every Talos Linux instance.
  const withMarker: DiagramLayerInput[] = stackit.map((l) =>
    l.key === "edge-clusters"
      ? {
          ...l,
          components: [
            component("talos", "Talos Linux", "best-effort", ["provider"], 3),
            { ...component("edgehostlet", "EdgeHostLet", "shared", ["customer", "provider"]), markerOn: "talos" },
          ],
        }
      : l,
  );

  test("a marker component is no box of its own: its symbol ends its host's label, and the key says what it is", () => {
    const d = build(withMarker);
    const clusters = d.bands.find((b) => b.key === "edge-clusters")!;
    expect(clusters.boxes.map((b) => b.key)).toEqual(["talos"]);
    const talos = clusters.boxes[0]!;
    expect(talos.lines.map((l) => l.text).join(" ")).toBe("Talos Linux ◆");
    expect(talos.markers).toEqual([
      {
        key: "edgehostlet",
        name: "EdgeHostLet",
        symbol: "◆",
        assignment: "shared",
        partyNames: ["Acme Corp", "STACKIT"],
        overridden: false,
        summary: "◆ EdgeHostLet — shared (Acme Corp + STACKIT)",
      },
    ]);
    expect(talos.summary).toBe(
      "Talos Linux ×3 — best effort (STACKIT); marked ◆ EdgeHostLet — shared (Acme Corp + STACKIT)",
    );
    expect(d.markerKey).toEqual([
      {
        symbol: "◆",
        label: "EdgeHostLet",
        description: "drawn on every Talos Linux instance; shared (Acme Corp + STACKIT)",
      },
    ]);
    // Purple (shared) is drawn nowhere, so the legend has no "Shared" entry: only the source's colours.
    expect(d.legend.map((e) => e.assignment)).toEqual(["provider", "customer", "best-effort"]);
    expect(d.desc).toContain("marked ◆ EdgeHostLet");
    checkGeometry(d);
  });

  test("a marker pointing at nothing (or at itself) is drawn as a box after all", () => {
    const stray = [
      layer(
        "l",
        "L",
        0,
        null,
        [],
        [
          { ...component("a", "A", "provider", ["provider"]), markerOn: "missing" },
          { ...component("b", "B", "customer", ["customer"]), markerOn: "b" },
        ],
      ),
    ];
    expect(build(stray).bands[0]!.boxes.map((b) => b.key)).toEqual(["a", "b"]);
  });

  test("a component whose owner depends on the deployment model says so, in the box and the legend", () => {
    // As applyDeploymentModel marks it when no model that assigns it is chosen.
    const varying = (c: ComponentDto): ComponentDto => Object.assign(c, { variesByModel: true });
    const infra = [
      layer("infrastructure", "Infrastructure", 0, null, [], [varying(component("servers", "Servers", null, []))]),
    ];
    const d = build(infra);
    const box = d.bands[0]!.boxes[0]!;
    expect(box).toMatchObject({ unassigned: true, variesByModel: true });
    expect(box.partyLines.map((l) => l.text).join(" ")).toBe("depends on the deployment model");
    expect(box.summary).toBe("Servers — depends on the deployment model");
    expect(d.hasModelDependent).toBe(true);
    expect(d.legend).toEqual([expect.objectContaining({ assignment: null, label: "Depends on the deployment model" })]);
    const html = renderToStaticMarkup(createElement(StackDiagram, { id: "v", diagram: d }));
    expect(html).toContain("Depends on the deployment model");
    // A truly unassigned box next to it keeps the legend honest.
    const mixed = build([
      layer(
        "infrastructure",
        "Infrastructure",
        0,
        null,
        [],
        [varying(component("servers", "Servers", null, [])), component("racks", "Racks", null, [])],
      ),
    ]);
    expect(mixed.legend.map((e) => e.label)).toEqual(["Unassigned"]);
  });

  test("the notes show the marker key and, outside the collapsed part, where diagram and matrix differ", () => {
    const area = (key: string, name: string, assignment: "shared" | "provider", partyKeys: string[]) => ({
      key,
      name,
      position: 0,
      group: null,
      assignment,
      parties: partyKeys,
      raciAssignment: null,
      assignmentReason: null,
      caiq: { ownership: "Shared CSP and CSC" as const, exact: true },
      cells: [],
      references: [],
      notes: null,
      interpretation: null,
      layer: null,
      plane: null,
    });
    const layers = withMarker.map((l) =>
      l.key === "edge-cloud"
        ? { ...l, area: "stackit-edge-cloud", areaInterpretation: "The figure says who runs it." }
        : l.key === "platform"
          ? { ...l, area: "platform-row" }
          : l,
    );
    const html = renderToStaticMarkup(
      createElement(StackNotes, {
        layers,
        parties,
        areas: [
          area("stackit-edge-cloud", "STACKIT Edge Cloud", "shared", ["customer", "provider"]),
          area("platform-row", "Platform", "provider", ["provider"]),
        ],
      }),
    );
    expect(html).toContain("EdgeHostLet</span>: drawn on every Talos Linux instance, as in the source’s key");
    const visible = html.slice(0, html.indexOf("<details"));
    expect(visible).toContain("Where the diagram and the matrix differ");
    expect(visible).toContain(
      "STACKIT Edge Cloud</span> is drawn provider (STACKIT); its row “STACKIT Edge Cloud” is shared (Acme Corp + STACKIT). The figure says who runs it.",
    );
    // The layer that agrees with its row is not in the list, only in the notes.
    expect(visible).not.toContain("STACKIT Platform");
    expect(html).toContain("Matrix row “Platform”: provider (STACKIT), as drawn.");
  });
});
