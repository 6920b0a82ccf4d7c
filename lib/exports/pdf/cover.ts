// The cover page: which provider, which services, which published version (number, date, full
// content hash, so a printout can be checked against /verify), where the model comes from, and
// what was left out (deployment model, filters), so a filtered file is never taken for the whole.
import { formatDateTime } from "@/lib/format";
import { areaCounts, describeFilters, isFiltered, type ProviderExport } from "@/lib/exports/export-model";
import { styles, type PdfFlow } from "./flow";
import { artifact, structElement, type StructElement } from "./pdfkit-adapter";
import { colors, page, type as typeScale } from "./theme";

export interface CoverOptions {
  title?: string;
  url?: string;
}

/** "Version 3, published 2 Jan 2025, 03:04 UTC". */
export function versionLine(data: ProviderExport): string {
  return `Version ${data.version.number}, published ${formatDateTime(new Date(data.version.publishedAt))}`;
}

export function drawCover(flow: PdfFlow, root: StructElement, data: ProviderExport, options: CoverOptions): void {
  const { doc } = flow;
  const section = structElement(doc, "Sect");
  root.add(section);
  flow.newPage();
  // A band in the provider's colour: decoration only.
  artifact(doc, "Layout", () => {
    flow.fill(data.provider.brandColor);
    doc.rect(0, 0, page.width, 10).fill();
  });
  flow.y += 40;

  flow.paragraph(section, options.title?.trim() || "Shared responsibility model", {
    ...styles.muted,
    size: 10,
    line: 14,
  });
  const title = { font: "bold", ...typeScale.title, color: colors.text } as const;
  flow.paragraph(section, data.provider.name, title, { tag: "H1", gapAfter: 8 });
  flow.paragraph(section, data.provider.summary, styles.body, { gapAfter: 14 });
  flow.paragraph(section, versionLine(data), { ...styles.h2, size: 12.5, line: 17 }, { gapAfter: 10 });

  const services = data.services.map((s) => s.name);
  if (services.length === 1) flow.labelled(section, "Service", services[0] ?? "");
  else if (services.length > 1) {
    flow.labelled(section, "Services", `${services.length} services`);
    flow.list(section, services, styles.body);
  }
  flow.labelled(section, "Content hash", data.version.contentHash);
  flow.paragraph(
    section,
    "SHA-256 of the version's canonical document: the same hash means the same model.",
    {
      ...styles.muted,
      size: 7.5,
    },
    { x: flow.left + 118, width: flow.width - 118 },
  );
  if (data.version.note.trim()) flow.labelled(section, "Version note", data.version.note);

  flow.y += 8;
  flow.heading(section, "H2", "Source", { keepWithNext: 30 });
  const { source } = data.provider;
  flow.labelled(section, "Title", source.title);
  flow.labelled(section, "Document", source.document);
  if (source.url) flow.labelled(section, "URL", source.url, { url: source.url });
  if (source.retrieved) flow.labelled(section, "Retrieved", source.retrieved);

  const models = data.services.filter((s) => s.model);
  if (data.scope.model || models.length) {
    flow.y += 8;
    flow.heading(section, "H2", "Deployment model", { keepWithNext: 30 });
    for (const service of models) {
      const model = service.model;
      if (!model) continue;
      flow.labelled(section, services.length > 1 ? service.name : "Model", model.name);
      if (model.interpretation) flow.paragraph(section, model.interpretation, styles.muted);
    }
    if (!models.length && data.scope.model) flow.labelled(section, "Model", data.scope.model);
    flow.paragraph(section, "Assignments changed by the deployment model are marked “Overridden”.", styles.muted);
  }

  if (isFiltered(data.scope.filters)) {
    const counts = areaCounts(data);
    flow.y += 8;
    flow.heading(section, "H2", "Filtered view", { keepWithNext: 30 });
    flow.paragraph(section, "This file holds only the areas that match these filters:", styles.body);
    for (const [label, value] of describeFilters(data)) flow.labelled(section, label, value);
    flow.labelled(section, "Areas", `${counts.shown} of ${counts.total} areas`);
  }

  if (options.url) {
    flow.y += 8;
    flow.labelled(section, "Generated from", options.url, { url: options.url });
  }
  section.end();
}
