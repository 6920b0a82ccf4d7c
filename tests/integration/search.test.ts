// The database search (lib/search): words in any order, accents, typos and parts of words, snippets,
// deep links, limits, and visibility for every kind of reader. Words are made up per run, so hits and
// near misses can only come from this file's providers.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { areaHref } from "@/lib/model/area-anchor";
import { searchCatalog } from "@/lib/search/search-catalog";
import type { SearchResultsDto } from "@/lib/validation/api";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";

/**
 * A made-up word of 10 consonants, no letter twice in a row: no dictionary holds it, so only this
 * file's rows contain it, and swapping two neighbours always makes a typo.
 */
function madeUpWord(): string {
  let word = "";
  while (word.length < 10) {
    const letter = "bcdfghjklmnpqrstvwxz"[randomInt(20)]!;
    if (letter !== word.at(-1)) word += letter;
  }
  return word;
}

const words = {
  archive: madeUpWord(),
  engine: madeUpWord(),
  vault: madeUpWord(),
  cross: madeUpWord(),
  long: madeUpWord(),
  many: madeUpWord(),
  subscribed: madeUpWord(),
  unsubscribed: madeUpWord(),
  hiddenCross: madeUpWord(),
};

const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(" ");

async function world() {
  const open = makeProviderDocument();
  open.services = [
    {
      slug: "glimmer",
      name: `Glimmer ${words.engine}`,
      category: "PaaS",
      summary: "Managed engines.",
      areas: [
        makeArea(
          "Sécurité des données",
          { provider: [`Encrypt ${words.archive} volumes`], customer: ["Rotate the snorkel keys every quarter"] },
          {
            key: "data-security",
            notes: `Keys stay in the ${words.vault} vault.`,
            references: [{ framework: "CSA CCM", control: "CEK-03" }],
          },
        ),
        makeArea("Backups", { customer: [`Test restores of ${words.archive} archives`] }, { key: "backups" }),
        makeArea("Long duty", { customer: [`${filler(30)} ${words.long} ${filler(30)}`] }, { key: "long-duty" }),
        makeArea(`${words.many} itself`, { customer: ["Named after the word"] }, { key: "named" }),
      ],
      layers: [],
      deploymentModels: [],
    },
  ];
  open.crossCuttingAreas = [makeArea(`Identity ${words.cross}`, { customer: ["Review accounts"] }, { key: "idm" })];

  const hidden = makeProviderDocument({ isPrivate: true });
  const base = hidden.services[0]!;
  hidden.services = [
    { ...base, slug: "subscribed", areas: [makeArea("Secret A", { customer: [`Guard ${words.subscribed}`] })] },
    { ...base, slug: "unsubscribed", areas: [makeArea("Secret B", { customer: [`Guard ${words.unsubscribed}`] })] },
  ];
  hidden.crossCuttingAreas = [makeArea("Secret C", { customer: [`Guard ${words.hiddenCross}`] })];

  const created = [await createProvider(open), await createProvider(hidden)];
  const [openRow, hiddenRow] = created;
  // Sixty more rows in one statement (through the document writer they would take long).
  const glimmer = await getDb().service.findFirstOrThrow({ where: { providerId: openRow!.id, slug: "glimmer" } });
  await getDb().responsibilityArea.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      providerId: openRow!.id,
      serviceId: glimmer.id,
      key: `row-${i}`,
      name: `Row ${i}`,
      position: 100 + i,
      assignment: "CUSTOMER" as const,
      parties: ["customer"],
      cells: [{ party: "customer", duties: [{ text: `Check ${words.many} number ${i}` }] }],
    })),
  });
  const subscribed = await getDb().service.findFirstOrThrow({
    where: { providerId: hiddenRow!.id, slug: "subscribed" },
  });
  const org = await makeOrganization({ serviceIds: [subscribed.id] });
  const otherOrg = await makeOrganization();
  const actors: Record<string, Actor> = {
    anonymous,
    subscriber: (await makeUser({ role: "customer", organizationId: org.id })).actor,
    otherCustomer: (await makeUser({ role: "customer", organizationId: otherOrg.id })).actor,
    manager: (await makeUser({ role: "account-manager", managedProviderIds: [hiddenRow!.id] })).actor,
    otherManager: (await makeUser({ role: "account-manager", managedProviderIds: [openRow!.id] })).actor,
    auditor: (await makeUser({ role: "auditor" })).actor,
  };
  return { open, hidden, actors, remove: () => Promise.all(created.map((c) => c.remove())) };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await w.remove();
});

const search = (query: string, actor: Actor = anonymous, limit?: number) => searchCatalog({ actor, query, limit });
const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");
const areaKeys = (results: SearchResultsDto) => results.areas.map((a) => a.key);

describe("matching", () => {
  test("words match in any order, across an area's own text and its service's name", async () => {
    for (const query of [`${words.archive} restores`, `restores ${words.archive}`, `archives TEST ${words.archive}`])
      expect(areaKeys(await search(query)), query).toEqual(["backups"]);
    // The service's name holds one word, a duty the other.
    expect(areaKeys(await search(`${words.engine} quarter`))).toEqual(["data-security"]);
    expect(areaKeys(await search(`${words.archive} nowhere${words.vault}`))).toEqual([]);
  });

  test("accents and case do not matter, either way round, and the original text is marked", async () => {
    for (const query of [`securite donnees ${words.engine}`, `SÉCURITÉ ${words.engine}`]) {
      const [hit] = (await search(query)).areas;
      expect(hit?.key, query).toBe("data-security");
      expect(marked(hit!.title)).toMatch(/^\[Sécurité\] des/);
    }
  });

  test("a typo finds the word and says what was searched instead", async () => {
    const typo = words.archive.slice(0, 4) + words.archive[5] + words.archive[4] + words.archive.slice(6);
    const results = await search(`${typo} restores`);
    expect(areaKeys(results)).toEqual(["backups"]);
    expect(results.corrections).toEqual([{ word: typo, alternatives: [words.archive] }]);
    expect(marked(results.areas[0]!.matches[0]!.snippet)).toBe(`Test [restores] of [${words.archive}] archives`);
  });

  test("the last word matches as a prefix while typing; a part of an earlier word through trigrams", async () => {
    const typing = await search(`restores ${words.archive.slice(0, 5)}`);
    expect(areaKeys(typing)).toEqual(["backups"]);
    expect(typing.corrections).toEqual([]);
    const partial = await search(`${words.vault.slice(2, 9)} keys`);
    expect(areaKeys(partial)).toEqual(["data-security"]);
    expect(partial.corrections).toEqual([{ word: words.vault.slice(2, 9), alternatives: [words.vault] }]);
  });

  test("a quoted phrase must occur as written", async () => {
    expect(areaKeys(await search(`"rotate the snorkel" ${words.engine}`))).toEqual(["data-security"]);
    expect(areaKeys(await search(`"snorkel rotate" ${words.engine}`))).toEqual([]);
  });

  test("a query of no words finds nothing", async () => {
    const results = await search("%_% --");
    expect(results.totals).toEqual({ providers: 0, services: 0, areas: 0 });
  });
});

describe("what a hit shows", () => {
  test("the fields holding the words, each as a marked excerpt", async () => {
    const [hit] = (await search(`${words.vault} cek-03`)).areas;
    expect(hit!.matches.map((m) => [m.field, m.label, marked(m.snippet)])).toEqual([
      ["notes", "Notes", `Keys stay in the [${words.vault}] vault.`],
      ["reference", "Framework control", "CSA CCM [CEK-03]"],
    ]);
    const [long] = (await search(words.long)).areas;
    const snippet = marked(long!.matches[0]!.snippet);
    expect(snippet).toMatch(new RegExp(`^… filler\\d+ .*\\[${words.long}\\] .*filler\\d+ …$`));
    expect(snippet.length).toBeLessThan(300);
  });

  test("each hit carries what its deep link needs", async () => {
    const [area] = (await search(`${words.archive} restores`)).areas;
    expect(area).toMatchObject({ provider: w.open.slug, service: "glimmer", key: "backups" });
    expect(area!.href).toBe(areaHref({ provider: w.open.slug, service: "glimmer", area: "backups" }));
    expect(marked(area!.context)).toBe(`${w.open.name} · Glimmer ${words.engine}`);

    const [cross] = (await search(words.cross)).areas;
    expect(cross).toMatchObject({ provider: w.open.slug, service: null, serviceName: null, key: "idm" });
    expect(cross!.href).toBe(`/providers/${w.open.slug}#cross-cutting-idm`);
    expect(marked(cross!.context)).toBe(`${w.open.name} · all services`);

    const [service] = (await search(words.engine)).services;
    expect(service).toMatchObject({ provider: w.open.slug, slug: "glimmer", category: "PaaS" });
    expect(service!.href).toBe(`/providers/${w.open.slug}/services/glimmer`);
  });

  test("hits come in ranked pages, with the count of all", async () => {
    const results = await search(words.many);
    expect(results.totals.areas).toBe(61);
    expect(results.areas).toHaveLength(20);
    expect(results.areas[0]!.key).toBe("named");
    const few = await search(words.many, anonymous, 5);
    expect(few.areas).toHaveLength(5);
    expect(few.totals.areas).toBe(61);

    const pages = await Promise.all(
      [1, 2, 3, 4, 5].map((page) => searchCatalog({ actor: anonymous, query: words.many, page })),
    );
    expect(pages.map((p) => p.areas.length)).toEqual([20, 20, 20, 1, 0]);
    expect(pages.slice(0, 4).every((p) => p.totals.areas === 61)).toBe(true);
    // Every hit once, in the order of one long list.
    const paged = pages.flatMap(areaKeys);
    expect(new Set(paged).size).toBe(61);
    expect(paged.slice(0, 5)).toEqual(areaKeys(await search(words.many, anonymous, 5)));
    expect(paged).toEqual(areaKeys(await search(words.many, anonymous, 61)));
  });
});

describe("visibility", () => {
  const sees: Record<string, Record<"subscribed" | "unsubscribed" | "hiddenCross", boolean>> = {
    anonymous: { subscribed: false, unsubscribed: false, hiddenCross: false },
    subscriber: { subscribed: true, unsubscribed: false, hiddenCross: true },
    otherCustomer: { subscribed: false, unsubscribed: false, hiddenCross: false },
    manager: { subscribed: true, unsubscribed: true, hiddenCross: true },
    otherManager: { subscribed: false, unsubscribed: false, hiddenCross: false },
    auditor: { subscribed: true, unsubscribed: true, hiddenCross: true },
  };

  test.each(Object.keys(sees))("%s finds exactly the private areas they may see", async (role) => {
    const actor = w.actors[role]!;
    for (const key of ["subscribed", "unsubscribed", "hiddenCross"] as const) {
      const results = await search(words[key], actor);
      const visible = sees[role]![key];
      expect(results.totals.areas, `${role} ${key}`).toBe(visible ? 1 : 0);
      expect(JSON.stringify(results).includes(w.hidden.slug), `${role} ${key}`).toBe(visible);
      // A near miss is suggested only from what the reader may see.
      const typo = words[key].slice(0, 9) + "a";
      const fuzzy = await search(typo, actor);
      expect(fuzzy.corrections.flatMap((c) => c.alternatives).includes(words[key]), `${role} ${key} typo`).toBe(
        visible,
      );
      expect(fuzzy.totals.areas, `${role} ${key} typo`).toBe(visible ? 1 : 0);
    }
    const provider = await search(w.hidden.name, actor);
    expect(provider.providers.some((p) => p.slug === w.hidden.slug)).toBe(sees[role]!.hiddenCross);
  });
});
