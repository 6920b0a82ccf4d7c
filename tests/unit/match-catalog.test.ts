import { describe, expect, test } from "vitest";
import { matchCatalog, searchHitLimit, type SearchableCatalog } from "@/lib/search/match-catalog";
import { searchWords } from "@/lib/search/search-text";
import type { SearchMatchDto } from "@/lib/validation/api";

const catalog: SearchableCatalog = {
  providers: [
    { slug: "acme", name: "Acme Cloud", summary: "A European cloud with managed Kubernetes." },
    { slug: "zeta", name: "Zeta Hosting", summary: "Bare metal servers." },
  ],
  services: [
    { provider: "acme", slug: "vps", name: "Virtual Servers", summary: "Plain virtual machines.", category: "IaaS" },
    { provider: "acme", slug: "kube", name: "Managed Kubernetes", summary: "Clusters run for you.", category: "CaaS" },
    { provider: "zeta", slug: "metal", name: "Metal", summary: "Dedicated servers.", category: "IaaS" },
  ],
  areas: [
    {
      provider: "acme",
      service: null,
      key: "identity",
      name: "Identity & Access",
      assignment: "shared",
      notes: "Single sign-on through the customer's directory.",
      references: [{ framework: "CSA CCM", control: "IAM-02" }],
      duties: [{ party: "Customer", text: "Review administrator accounts quarterly" }],
    },
    {
      provider: "acme",
      service: "vps",
      key: "backups",
      name: "Backups & Snapshots",
      assignment: "customer",
      notes: null,
      references: [],
      duties: [
        { party: "Acme Cloud", text: "Offer snapshot storage" },
        { party: "Customer", text: "Schedule backups and test restores of the database" },
      ],
    },
    {
      provider: "acme",
      service: "kube",
      key: "backups",
      name: "Backups",
      assignment: "shared",
      notes: null,
      references: [],
      duties: [{ party: "Customer", text: "Back up persistent volumes" }],
    },
    {
      provider: "zeta",
      service: "metal",
      key: "hardware",
      name: "Hardware",
      assignment: "provider",
      notes: null,
      references: [],
      duties: [{ party: "Zeta Hosting", text: "Replace failed disks of the database servers" }],
    },
  ],
};

const search = (query: string) => matchCatalog(catalog, searchWords(query));
const text = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");
const matchView = (matches: SearchMatchDto[]) => matches.map((m) => `${m.label}: ${text(m.snippet)}`);

describe("matchCatalog", () => {
  test("every word must match, in any order, across an area's name, its duties and the names above it", () => {
    const results = search("restores backups vps");
    expect(results.areas.map((a) => `${a.provider}/${a.service}/${a.key}`)).toEqual(["acme/vps/backups"]);
    const [hit] = results.areas;
    expect(text(hit!.title)).toBe("[Backups] & Snapshots");
    expect(text(hit!.context)).toBe("Acme Cloud · Virtual Servers");
    expect(matchView(hit!.matches)).toEqual(["Customer duty: Schedule [backups] and test [restores] of the database"]);
    // The same words in another order find the same hits.
    expect(search("vps restores backups").areas).toEqual(results.areas);
    expect(search("backups restores zeta").areas).toEqual([]);
    // A service is also known by its address ("vps").
    expect(search("vps").services.map((s) => s.slug)).toEqual(["vps"]);
  });

  test("a word found only in the provider's or service's name narrows, but does not make, a hit", () => {
    expect(search("acme").areas).toEqual([]);
    expect(search("acme").providers.map((p) => p.slug)).toEqual(["acme"]);
    expect(search("acme").services).toEqual([]);
    const hits = search("database zeta").areas;
    expect(hits.map((a) => a.key)).toEqual(["hardware"]);
    expect(text(hits[0]!.context)).toBe("[Zeta] Hosting · Metal");
    expect(matchView(hits[0]!.matches)).toEqual(["Zeta Hosting duty: Replace failed disks of the [database] servers"]);
  });

  test("provider and service summaries, categories, notes and framework controls are searched", () => {
    expect(search("european kubernetes").providers.map((p) => p.slug)).toEqual(["acme"]);
    expect(matchView(search("european kubernetes").providers[0]!.matches)).toEqual([
      "Summary: A [European] cloud with managed [Kubernetes].",
    ]);
    expect(search("clusters acme").services.map((s) => s.slug)).toEqual(["kube"]);
    expect(search("caas").services.map((s) => s.slug)).toEqual(["kube"]);
    expect(search("caas").services[0]!.matches.map((m) => m.field)).toEqual(["category"]);
    expect(search("sign-on identity").areas.map((a) => [a.key, a.matches.map((m) => m.field)])).toEqual([
      ["identity", ["notes"]],
    ]);
    expect(search("iam-02").areas.map((a) => [a.key, matchView(a.matches)])).toEqual([
      ["identity", ["Framework control: CSA CCM [IAM-02]"]],
    ]);
  });

  test("links go to the service page's row, or to the provider page's row for a cross-cutting area", () => {
    expect(search("backups").areas.map((a) => a.href)).toEqual([
      "/providers/acme/services/vps#area-backups",
      "/providers/acme/services/kube#area-backups",
    ]);
    const crossCutting = search("quarterly").areas;
    expect(crossCutting.map((a) => [a.href, a.service, text(a.context)])).toEqual([
      ["/providers/acme#cross-cutting-identity", null, "Acme Cloud · all services"],
    ]);
    expect(search("zeta").providers.map((p) => p.href)).toEqual(["/providers/zeta"]);
    expect(search("metal").services.map((s) => s.href)).toEqual(["/providers/zeta/services/metal"]);
  });

  test("areas named after the query come before areas that only mention it", () => {
    expect(search("database").areas.map((a) => a.key)).toEqual(["backups", "hardware"]);
    expect(search("snapshot").areas.map((a) => a.name)).toEqual(["Backups & Snapshots"]);
    // Otherwise the catalog's order: by provider, cross-cutting areas first, then by service.
    expect(search("the").areas.map((a) => `${a.service}/${a.key}`)).toEqual([
      "null/identity",
      "vps/backups",
      "metal/hardware",
    ]);
    expect(search("back").areas.map((a) => `${a.service}/${a.key}`)).toEqual(["vps/backups", "kube/backups"]);
  });

  test("shows the fewest excerpts that cover the words the name does not, at most two", () => {
    const [hit] = search("offer snapshot schedule").areas;
    expect(matchView(hit!.matches)).toEqual([
      "Acme Cloud duty: [Offer] [snapshot] storage",
      "Customer duty: [Schedule] backups and test restores of the database",
    ]);
    expect(search("backups").areas[0]!.matches).toEqual([]);
  });

  test("no words, no hits; lists are cut at the limit and the totals say how many there were", () => {
    expect(search("   ").totals).toEqual({ providers: 0, services: 0, areas: 0 });
    const many: SearchableCatalog = {
      ...catalog,
      areas: Array.from({ length: searchHitLimit + 5 }, (_, i) => ({ ...catalog.areas[1]!, key: `backups-${i}` })),
    };
    const results = matchCatalog(many, ["backups"]);
    expect(results.areas).toHaveLength(searchHitLimit);
    expect(results.totals.areas).toBe(searchHitLimit + 5);
  });
});
