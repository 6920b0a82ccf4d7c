// The PDF export (lib/exports/pdf), read back with poppler: every seed provider's areas and duties
// are in the text, pages are numbered "Page X of N", bookmarks, metadata and tags are there, text
// outside Latin-1 survives, the same data always gives the same bytes, and hashes are never broken.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { buildProviderExport, type ExportFilters, type ProviderExport } from "@/lib/exports/export-model";
import { renderProviderPdf, renderReportPdf } from "@/lib/exports/pdf";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { syntheticProviderDocument } from "@/tests/bench/synthetic-provider";
import { makeArea, makeProviderDocument } from "@/tests/factories/provider-document";
import { collapse, outlineTree, popplerProblem, readBack, type ReadBack } from "@/tests/support/pdf-read";

const poppler = popplerProblem();

test("poppler (pdfinfo, pdftotext) is installed", () => {
  if (poppler) throw new Error(poppler);
});

function exportOf(
  input: ProviderDocumentInput,
  options: { number?: number; filters?: ExportFilters; model?: string; service?: string } = {},
): ProviderExport {
  const document = providerDocumentSchema.parse(input);
  const contentHash = createHash("sha256").update(JSON.stringify(document)).digest("hex");
  return buildProviderExport({
    document,
    version: { number: options.number ?? 4, publishedAt: "2025-06-07T08:09:10.000Z", contentHash, note: "" },
    filters: options.filters,
    model: options.model,
    service: options.service,
  });
}

describe.each(seedProviders.map((p) => [p.slug, p] as const))("PDF of seed provider %s", (_slug, input) => {
  const data = exportOf(input);
  let read: ReadBack;
  beforeAll(async () => {
    read = readBack(await renderProviderPdf(data, { url: `https://demarc.example/providers/${data.provider.slug}` }));
  });

  test("every area name and every duty (but excluded ones) is in the text", () => {
    const areas = [...data.services.flatMap((s) => s.areas), ...data.crossCutting.areas];
    expect(areas.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const area of areas) {
      if (!read.raw.includes(collapse(area.name))) missing.push(`area ${area.name}`);
      for (const cell of area.cells)
        for (const duty of cell.duties)
          if (duty.strength !== "excluded" && !read.raw.includes(collapse(duty.text)))
            missing.push(`duty ${duty.text}`);
    }
    expect(missing).toEqual([]);
  });

  test("every page says Page X of N, N being the page count", () => {
    expect(read.pages).toBeGreaterThanOrEqual(3);
    const pages = read.layout.split("\f").filter((page) => page.trim());
    expect(pages).toHaveLength(read.pages);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${read.pages}`));
    expect(read.layout).toContain(`version ${data.version.number} · ${data.version.contentHash.slice(0, 12)}`);
  });

  test("the cover names the version, the full content hash and the source", () => {
    const cover = read.layout.split("\f")[0] ?? "";
    expect(cover).toContain(data.provider.name);
    expect(cover).toContain("Version 4, published 7 Jun 2025, 08:09 UTC");
    expect(cover).toContain(data.version.contentHash);
    expect(collapse(cover)).toContain(collapse(data.provider.source.title));
    expect(cover).toContain(data.provider.source.document);
    expect(cover).toContain(`https://demarc.example/providers/${data.provider.slug}`);
  });

  test("bookmarks: the provider, then contents, the services (with their parts) and the notes", () => {
    const [provider, ...others] = outlineTree(read.bytes);
    expect(others).toEqual([]);
    expect(provider?.title).toBe(data.provider.name);
    const top = provider?.children ?? [];
    expect(top[0]?.title).toBe("Contents");
    for (const service of data.services) {
      const item = top.find((i) => i.title === service.name);
      expect(item?.children.map((c) => c.title)).toEqual([
        ...(service.layers.length ? ["Stack diagram"] : []),
        "Responsibility matrix",
      ]);
    }
    const notes = top.find((i) => i.title === "Notes");
    expect(notes?.children.map((c) => c.title)).toEqual(data.provider.sections.map((s) => s.title));
  });

  test("the table of contents gives each service's page and links there", () => {
    const pages = read.layout.split("\f");
    const contents = pages[1] ?? "";
    expect(contents).toContain("Contents");
    const raw = read.bytes.toString("latin1");
    for (const service of data.services) {
      const line = contents.split("\n").find((l) => l.trim().startsWith(service.name));
      const page = Number(/(\d+)\s*$/.exec(line ?? "")?.[1]);
      expect(pages[page - 1] ?? "", service.name).toContain(service.name);
      // A GoTo action to the named destination, and the destination itself.
      expect(raw.split(`(service-${service.slug})`).length - 1).toBeGreaterThanOrEqual(2);
    }
  });

  test("metadata, language and tags", () => {
    expect(read.info.Title).toBe(`${data.provider.name} — shared responsibility model, version 4`);
    expect(read.info.Author).toBe("Demarc");
    expect(read.info.Subject).toContain(data.provider.name);
    expect(read.info.Keywords).toContain("shared responsibility model");
    expect(read.info.Tagged).toBe("yes");
    expect(read.info["PDF version"]).toBe("1.7");
    expect(read.info.CreationDate).toContain("2025");
    expect(read.bytes.toString("latin1")).toContain("/Lang (en)");
    for (const tag of ["Document", "H1", "H2", "P", "Table", "THead", "TR", "TH", "TD", "L", "LI", "TOC", "Link"])
      expect(read.structure, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
    if (data.services.some((s) => s.layers.length)) expect(read.structure).toMatch(/^\s*Figure\b/m);
  });
});

describe("PDF rendering", () => {
  test("is deterministic: same data, same bytes, whatever the clock says; another version, other bytes", async () => {
    const data = exportOf(seedProviders[2] ?? seedProviders[0]!);
    const first = await renderProviderPdf(data);
    vi.useFakeTimers({ now: new Date("2031-01-01T00:00:00Z") });
    let second: Buffer;
    try {
      second = await renderProviderPdf(data);
    } finally {
      vi.useRealTimers();
    }
    expect(first.equals(second)).toBe(true);
    const other = await renderProviderPdf({ ...data, version: { ...data.version, number: 5 } });
    expect(other.equals(first)).toBe(false);
    expect(other.equals(await renderProviderPdf({ ...data, version: { ...data.version, number: 5 } }))).toBe(true);
  });

  test("text beyond Latin-1 (ä ö ü ß é ő ł č) is embedded and extractable", async () => {
    const input = makeProviderDocument({ name: "Größe & Łódź Cloud" });
    const [service] = input.services;
    if (!service) throw new Error("factory service missing");
    service.areas = [
      makeArea("Zugriffsschutz für Dateiänderungen", {
        provider: ["Prüfen, ob die Schlüssel gültig sind"],
        customer: ["Hőmérséklet: ő ł č é ß"],
      }),
    ];
    const read = readBack(await renderProviderPdf(exportOf(input)));
    for (const text of [
      "Größe & Łódź Cloud",
      "Zugriffsschutz für Dateiänderungen",
      "Prüfen, ob die Schlüssel gültig sind",
      "Hőmérséklet: ő ł č é ß",
    ])
      expect(read.raw).toContain(text);
    expect(read.info.Title).toBe("Größe & Łódź Cloud — shared responsibility model, version 4");
    const fonts = execFileSync("pdffonts", [read.file], { encoding: "utf8" });
    expect(fonts).toMatch(/DejaVuSans\b.*yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  test("duties keep their strength in words; N/A and none listed differ; RACI letters and groups are shown", async () => {
    const input = syntheticProviderDocument({ services: 1, areasPerService: 30, crossCutting: 3 });
    const data = exportOf(input);
    const read = readBack(await renderProviderPdf(data));
    const rows = [...data.services.flatMap((s) => s.areas), ...data.crossCutting.areas];
    const duties = rows.flatMap((r) => r.cells.flatMap((c) => c.duties));
    for (const duty of duties.filter((d) => d.strength === "should"))
      expect(read.raw).toContain(`Should: ${collapse(duty.text)}`);
    for (const duty of duties.filter((d) => d.strength === "may"))
      expect(read.raw).toContain(`May: ${collapse(duty.text)}`);
    expect(duties.some((d) => d.strength === "excluded")).toBe(true);
    expect(read.raw).toContain("Not done:");
    expect(read.raw).toContain("N/A");
    expect(read.raw).toContain("—");
    expect(read.raw).toContain("RACI RA");
    expect(read.raw).toContain("1.1 Topic 1.1");
    expect(read.raw).toContain("References: CSA CCM");
    expect(read.raw).toContain("Cross-cutting areas");
  });

  test("the header row is repeated on every page of a table, and a row taller than a page is cut, not lost", async () => {
    const duties = Array.from(
      { length: 90 },
      (_, i) => `Duty number ${i + 1} of a very long row that has to continue on the next page.`,
    );
    const input = makeProviderDocument();
    const [service] = input.services;
    if (!service) throw new Error("factory service missing");
    service.areas = [
      ...Array.from({ length: 40 }, (_, i) =>
        makeArea(`Ordinary row ${i + 1}`, { provider: ["Run it"], customer: ["Use it"] }),
      ),
      makeArea("Enormous row", { provider: duties, customer: ["Read it all"] }),
    ];
    const read = readBack(await renderProviderPdf(exportOf(input)));
    // The long row is cut between lines, so a duty may continue after the footer and repeated
    // header: its first words and its last ones are each on one line.
    duties.forEach((_, i) => expect(read.raw).toContain(`Duty number ${i + 1} of`));
    expect(read.raw.match(/next page\./g)).toHaveLength(duties.length);
    expect(read.raw).toContain("Read it all");
    const matrixPages = read.layout.split("\f").filter((page) => /Ordinary row|Duty number/.test(page));
    expect(matrixPages.length).toBeGreaterThanOrEqual(3);
    for (const page of matrixPages) expect(page).toMatch(/#\s+Area\s+Assignment/);
  });

  test("a filtered, single-model export says so on its cover", async () => {
    const contain = seedProviders.find((p) => p.slug === "contain");
    if (!contain) throw new Error("no contain seed");
    const data = exportOf(contain, { filters: { assignments: ["customer"], query: "" }, model: "public-cloud" });
    const shown = data.services.reduce((n, s) => n + s.areas.length, 0);
    const total = data.services.reduce((n, s) => n + s.totalAreas, 0);
    expect(shown).toBeLessThan(total);
    const read = readBack(await renderProviderPdf(data, { title: "Contain, customer rows" }));
    const cover = collapse(read.layout.split("\f")[0] ?? "");
    expect(cover).toContain("Filtered view");
    expect(cover).toContain("Assignments: Customer");
    expect(cover).toContain(`${shown} of ${total} areas`);
    expect(cover).toContain("Deployment model");
    expect(read.info.Title).toBe("Contain, customer rows");
  });
});

describe("report PDF covers", () => {
  // Hex digits differ in width; a hash of the widest ones is wider than the value column at body size.
  test.each(["0", "b", "d", "f"])("a content hash of '%s's stays whole on one line", async (digit) => {
    const hash = digit.repeat(64);
    const read = readBack(
      await renderReportPdf({
        kind: "Changes between versions",
        title: "Example: changes",
        summary: "A cover with a long hash.",
        facts: [["To SHA-256", hash]],
        date: "2025-06-07T08:09:10.000Z",
        subject: "Example",
        keywords: [],
        footer: "Example",
        sections: [],
      }),
    );
    expect(read.layout.split("\f")[0]).toContain(hash);
  });
});
