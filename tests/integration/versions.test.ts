import { describe, expect, test } from "vitest";
import { GET as changelog } from "@/app/providers/[provider]/changelog.atom/route";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { diffProviderDocuments } from "@/lib/model/diff";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { entryContentHtml, nameUuidUrn, renderAtomFeed, xmlEscape } from "@/lib/versions/atom-feed";
import { describeChanges, describeFirstVersion } from "@/lib/versions/change-summary";
import { lineDiff } from "@/lib/versions/line-diff";
import { getCurrentVersion } from "@/lib/published/current-version";
import {
  compareHref,
  parseDiffLayout,
  parseVersionNumber,
  publisherLabel,
  resolveComparison,
  restrictDocument,
  shortHash,
} from "@/lib/versions/version-format";
import {
  getFeedVersions,
  getScopedDocuments,
  getVersionDocuments,
  listVersionHistory,
} from "@/lib/versions/version-history";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";

// ---- a strict little XML reader (no XML parser is installed) -------------------------------------

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside the element. */
  text: string;
}

/**
 * Parses a well-formed XML document (elements, attributes, text, comments, the five predefined
 * entities and character references) and throws on anything else: unbalanced or crossed tags,
 * unquoted or duplicate attributes, a bare `&` or `<`, characters XML forbids, content after the root.
 */
function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`XML: ${message} at ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const name = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
  const readName = () => {
    name.lastIndex = i;
    const m = name.exec(source);
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const skipSpace = () => {
    while (i < source.length && " \t\r\n".includes(source[i]!)) i++;
  };
  const decode = (raw: string) => {
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(raw)) fail("a character XML forbids");
    return raw.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
      if (!match.endsWith(";")) fail(`a bare & (${match})`);
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (entity in named) return named[entity]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(entity)?.[1] ?? /^#([0-9]+)$/.exec(entity)?.[1];
      if (code === undefined) return fail(`an unknown entity &${entity};`);
      return String.fromCodePoint(parseInt(code, entity.startsWith("#x") ? 16 : 10));
    });
  };
  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected <");
    i++;
    const el: XmlElement = { name: readName(), attributes: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected space before an attribute");
      const attribute = readName();
      if (attribute in el.attributes) fail(`duplicate attribute ${attribute}`);
      if (source[i++] !== "=") fail("expected =");
      const quote = source[i++];
      if (quote !== '"' && quote !== "'") fail("unquoted attribute");
      const end = source.indexOf(quote!, i);
      if (end < 0) fail("unterminated attribute");
      const value = source.slice(i, end);
      if (value.includes("<")) fail("< in an attribute");
      el.attributes[attribute] = decode(value);
      i = end + 1;
    }
    for (;;) {
      if (i >= source.length) fail(`unclosed <${el.name}>`);
      if (source.startsWith("</", i)) {
        i += 2;
        const closing = readName();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (source[i++] !== ">") fail("expected >");
        return el;
      }
      if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
      } else if (source[i] === "<") el.children.push(element());
      else {
        const end = source.indexOf("<", i);
        const raw = source.slice(i, end < 0 ? source.length : end);
        if (raw.includes("]]>")) fail("]]> in text");
        el.text += decode(raw);
        i += raw.length;
      }
    }
  };
  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) fail("unterminated declaration");
    if (!/^<\?xml version="1\.0" encoding="utf-8"\?>$/i.test(source.slice(0, end + 2))) fail("bad declaration");
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== source.length) fail("content after the root element");
  return root;
}

const kids = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
function kid(el: XmlElement, name: string): XmlElement {
  const found = kids(el, name);
  expect(found, `<${el.name}> has one <${name}>`).toHaveLength(1);
  return found[0]!;
}

// ---- fixtures -----------------------------------------------------------------------------------

/** A provider with two services and version 1, published twice more by its manager. */
async function providerWithThreeVersions(options: { isPrivate?: boolean } = {}) {
  const doc = makeProviderDocument({ isPrivate: options.isPrivate });
  doc.services[0]!.areas = [
    makeArea("Area 0", { provider: ["Provider duty 0"], customer: ["Customer duty 0"] }),
    makeArea("Area 1", { provider: ["Provider duty 1"], customer: ["Customer duty 1"] }),
  ];
  doc.services.push({
    ...structuredClone(doc.services[0]!),
    slug: "second-service",
    name: "Second Service",
  });
  const created = await createProvider(doc, { note: "First <v1> & co" });
  const db = getDb();
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  const slug = created.document.slug;
  const path = (service: number, area: number) => ["services", service, "areas", area];

  // Version 2: a customer duty replaced in the first service.
  let draft = await getDraft({ db, actor: manager, provider: slug });
  let step = await changeDraft({
    db,
    actor: manager,
    provider: slug,
    change: {
      op: "set",
      path: [...path(0, 1), "cells", 1, "duties"],
      expected: draft.document.services[0]!.areas[1]!.cells[1]!.duties,
      value: [{ text: "Rotate keys" }],
    },
  });
  await publishDraft({
    db,
    actor: manager,
    provider: slug,
    note: 'Customers rotate keys <now> & "always"',
    draftVersion: step.version,
  });

  // Version 3: an assignment changed in the second service (the provider takes over the customer's duty).
  draft = await getDraft({ db, actor: manager, provider: slug });
  const area = draft.document.services[1]!.areas[0]!;
  step = await changeDraft({
    db,
    actor: manager,
    provider: slug,
    change: {
      op: "set",
      path: path(1, 0),
      expected: area,
      value: {
        ...area,
        assignment: "provider",
        parties: ["provider"],
        cells: [{ party: "provider", duties: [{ text: "Provider duty 0" }, { text: "Customer duty 0" }] }],
      },
    },
  });
  await publishDraft({
    db,
    actor: manager,
    provider: slug,
    note: "Second service: Area 0 is ours",
    draftVersion: step.version,
  });
  return { ...created, slug, manager, firstService: created.document.services[0]!, secondService: "second-service" };
}

async function feed(slug: string, headers: Record<string, string> = {}) {
  const response = await changelog(new Request(`http://localhost/providers/${slug}/changelog.atom`, { headers }), {
    params: Promise.resolve({ provider: slug }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

// ---- the feed -----------------------------------------------------------------------------------

describe("changelog feed", () => {
  test("is well-formed Atom 1.0 with one entry per version, newest first, everything escaped", async () => {
    const p = await providerWithThreeVersions();
    const response = await feed(p.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("etag")).toMatch(/^".+"$/);

    const root = parseXml(response.body);
    expect(root.name).toBe("feed");
    expect(root.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(kid(root, "id").text).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(kid(root, "title").text).toBe(`${p.document.name} — shared responsibility model changelog`);
    expect(kid(kid(root, "author"), "name").text).toBe("Demarc");
    const links = Object.fromEntries(kids(root, "link").map((l) => [l.attributes.rel, l.attributes]));
    expect(links.self).toMatchObject({
      href: `http://localhost/providers/${p.slug}/changelog.atom`,
      type: "application/atom+xml",
    });
    expect(links.alternate).toMatchObject({ href: `http://localhost/providers/${p.slug}/versions`, type: "text/html" });

    const entries = kids(root, "entry");
    expect(entries.map((e) => kid(e, "title").text)).toEqual(["Version 3", "Version 2", "Version 1"]);
    expect(entries.map((e) => kid(e, "link").attributes.href)).toEqual(
      [3, 2, 1].map((n) => `http://localhost/providers/${p.slug}/versions/${n}`),
    );
    expect(entries.map((e) => kid(e, "summary").text)).toEqual([
      "Second service: Area 0 is ours",
      'Customers rotate keys <now> & "always"',
      "First <v1> & co",
    ]);
    // Feed `updated` is the newest entry's; timestamps are RFC 3339.
    expect(kid(root, "updated").text).toBe(kid(entries[0]!, "updated").text);
    for (const e of entries) expect(Date.parse(kid(e, "updated").text)).not.toBeNaN();
    const ids = entries.map((e) => kid(e, "id").text);
    expect(new Set(ids).size).toBe(3);

    // Content: HTML (escaped once for XML), listing what changed, with the note escaped for HTML.
    const content = entries.map((e) => kid(e, "content"));
    expect(content.every((c) => c.attributes.type === "html")).toBe(true);
    expect(content[0]!.text).toContain(
      `<li>Second Service: area “Area 0”: assignment Shared → Provider; responsible parties −1; ${p.document.parties[0]!.name} duties +1; Customer duties −1</li>`,
    );
    expect(content[0]!.text).toContain(
      `<a href="http://localhost/providers/${p.slug}/versions/compare?from=2&amp;to=3">Compare with the previous version</a>`,
    );
    expect(content[1]!.text).toContain("<p>Customers rotate keys &lt;now&gt; &amp; &quot;always&quot;</p>");
    expect(content[1]!.text).toContain(`<li>${p.firstService.name}: area “Area 1”: Customer duties +1 −1</li>`);
    expect(content[2]!.text).toContain("<li>First published version: 2 services, 4 responsibility areas.</li>");
    expect(content[2]!.text).not.toContain("Compare with");
    // In the raw XML, markup in notes never appears unescaped.
    expect(response.body).not.toContain("<now>");
    expect(response.body).not.toContain("<v1>");
    expect(response.body).toContain("First &lt;v1&gt; &amp; co");

    // Stable: the same ids and body on the next request; a matching If-None-Match is a 304.
    const again = await feed(p.slug);
    expect(kids(parseXml(again.body), "entry").map((e) => kid(e, "id").text)).toEqual(ids);
    const notModified = await feed(p.slug, { "If-None-Match": response.headers.get("etag")! });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe("");
  });

  test("hidden and unknown providers are the same 404; permitted readers get the feed", async () => {
    const hidden = await providerWithThreeVersions({ isPrivate: true });
    const unknown = await feed("no-such-provider-anywhere");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const asAnonymous = await feed(hidden.slug);
    expect(asAnonymous.status).toBe(404);
    expect(JSON.parse(asAnonymous.body)).toMatchObject({ status: 404, title: "Not found" });
    expect(asAnonymous.body).not.toContain(hidden.document.name);

    const outsider = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
    actAs(outsider.actor);
    expect((await feed(hidden.slug)).status).toBe(404);
    const otherManager = await makeUser({ role: "account-manager" });
    actAs(otherManager.actor);
    expect((await feed(hidden.slug)).status).toBe(404);

    actAs((await makeUser({ role: "auditor" })).actor);
    expect(kids(parseXml((await feed(hidden.slug)).body), "entry")).toHaveLength(3);
    actAs(hidden.manager);
    expect(kids(parseXml((await feed(hidden.slug)).body), "entry")).toHaveLength(3);
  });

  test("a customer of a private provider sees only subscribed services, in every version and diff", async () => {
    const p = await providerWithThreeVersions({ isPrivate: true });
    const db = getDb();
    const first = await db.service.findFirstOrThrow({ where: { providerId: p.id, slug: p.firstService.slug } });
    const customer = await makeUser({
      role: "customer",
      organizationId: (await makeOrganization({ serviceIds: [first.id] })).id,
    });
    actAs(customer.actor);
    const response = await feed(p.slug);
    expect(response.status).toBe(200);
    expect(response.body).not.toContain("Second Service");
    const entries = kids(parseXml(response.body), "entry");
    expect(entries).toHaveLength(3);
    // Version 3 changed only the hidden service: for this reader, nothing changed.
    expect(kid(entries[0]!, "content").text).toContain("<li>No change in content.</li>");
    expect(kid(entries[2]!, "content").text).toContain("1 service, 2 responsibility areas");

    const versions = await getVersionDocuments({ db, actor: customer.actor, provider: p.slug, numbers: [1, 3] });
    expect(versions?.documents.get(1)?.document.services.map((s) => s.slug)).toEqual([p.firstService.slug]);
    expect(versions?.documents.get(3)?.document.services.map((s) => s.slug)).toEqual([p.firstService.slug]);
    const full = await getVersionDocuments({ db, actor: p.manager, provider: p.slug, numbers: [3] });
    expect(full?.documents.get(3)?.document.services).toHaveLength(2);
  });
});

// ---- the data functions -----------------------------------------------------------------------

describe("version history", () => {
  test("the current version of a hidden provider is as absent as an unknown one's", async () => {
    const p = await providerWithThreeVersions({ isPrivate: true });
    expect(await getCurrentVersion({ actor: anonymous, provider: p.slug })).toBeNull();
    expect((await getCurrentVersion({ actor: p.manager, provider: p.slug }))?.number).toBe(3);
  });

  test("the comparison's versions name who published each and its note (staff see the account)", async () => {
    const p = await providerWithThreeVersions();
    const db = getDb();
    for (const [actor, publisher] of [
      [p.manager, p.manager.email],
      [anonymous, "Demarc editor"],
    ] as const) {
      const history = await listVersionHistory({ db, actor, provider: p.slug });
      const pair = await getScopedDocuments({ db, scope: history!.scope, numbers: [2, 3] });
      expect([2, 3].map((n) => [pair.get(n)?.publisher, pair.get(n)?.note])).toEqual([
        [publisher, 'Customers rotate keys <now> & "always"'],
        [publisher, expect.any(String)],
      ]);
    }
  });

  test("lists versions newest first; only staff see who published", async () => {
    const p = await providerWithThreeVersions();
    const db = getDb();
    const publicView = await listVersionHistory({ db, actor: anonymous, provider: p.slug });
    expect(publicView?.versions.map((v) => [v.number, v.publisher])).toEqual([
      [3, "Demarc editor"],
      [2, "Demarc editor"],
      [1, "Demarc operator"],
    ]);
    expect(JSON.stringify(publicView?.versions)).not.toContain(p.manager.email);
    const staffView = await listVersionHistory({ db, actor: p.manager, provider: p.slug });
    expect(staffView?.versions.map((v) => v.publisher)).toEqual([p.manager.email, p.manager.email, "system:test"]);
    expect(await listVersionHistory({ db, actor: anonymous, provider: "no-such-provider" })).toBeNull();
    // The printout's stamp names the newest version, with its publication time.
    expect(await getCurrentVersion({ actor: anonymous, provider: p.slug })).toEqual({
      number: 3,
      publishedAt: publicView?.versions[0]?.publishedAt,
    });
    expect(await getCurrentVersion({ actor: anonymous, provider: "no-such-provider" })).toBeNull();

    const feedVersions = await getFeedVersions({ db, actor: anonymous, provider: p.slug, limit: 2 });
    expect(feedVersions?.entries.map((e) => [e.number, e.previousNumber])).toEqual([
      [3, 2],
      [2, 1],
    ]);
    const pair = await getVersionDocuments({ db, actor: anonymous, provider: p.slug, numbers: [1, 2, 99] });
    expect([...(pair?.documents.keys() ?? [])].sort()).toEqual([1, 2]);
    const diff = diffProviderDocuments(pair!.documents.get(1)!.document, pair!.documents.get(2)!.document);
    expect(diff.summary).toMatchObject({ changed: 1, added: 0, removed: 0 });
  });
});

// ---- pure helpers -------------------------------------------------------------------------------

describe("formatting helpers", () => {
  test("version numbers from URLs", () => {
    expect(parseVersionNumber("1")).toBe(1);
    expect(parseVersionNumber("42")).toBe(42);
    for (const bad of ["0", "01", "-1", "1.5", "1e3", "abc", "", " 1", "9999999999", undefined, ["1"]])
      expect(parseVersionNumber(bad), String(bad)).toBeNull();
  });

  test("compare requests: defaults, bad, unknown and equal numbers", () => {
    const all = [1, 2, 3];
    expect(resolveComparison({}, all)).toEqual({ kind: "compare", from: 2, to: 3 });
    expect(resolveComparison({ from: "1", to: "3" }, all)).toEqual({ kind: "compare", from: 1, to: 3 });
    expect(resolveComparison({ to: "2" }, all)).toEqual({ kind: "compare", from: 1, to: 2 });
    expect(resolveComparison({ from: "1" }, all)).toEqual({ kind: "compare", from: 1, to: 3 });
    expect(resolveComparison({ from: "3", to: "1" }, all)).toEqual({ kind: "compare", from: 3, to: 1 });
    expect(resolveComparison({ from: "2", to: "2" }, all)).toMatchObject({
      kind: "message",
      tone: "error",
      message: "Both sides are version 2. Choose two different versions to compare.",
    });
    expect(resolveComparison({ from: "x<y", to: "2" }, all)).toMatchObject({
      kind: "message",
      tone: "error",
      message: "“x<y” is not a version number. Choose two versions from the lists.",
    });
    expect(resolveComparison({ from: "1", to: "7" }, all)).toMatchObject({
      kind: "message",
      message: "There is no version 7; this provider has versions 1–3.",
    });
    expect(resolveComparison({ to: "1" }, all)).toMatchObject({ kind: "message", tone: "info" });
    expect(resolveComparison({}, [1])).toMatchObject({
      kind: "message",
      tone: "info",
      message: "Only one version has been published, so there is nothing to compare yet.",
    });
    expect(resolveComparison({}, [])).toMatchObject({ kind: "message", message: "No version has been published yet." });
    expect(resolveComparison({ from: ["1", "2"], to: "3" }, all)).toEqual({ kind: "compare", from: 1, to: 3 });
    expect(parseDiffLayout("split")).toBe("split");
    expect(parseDiffLayout(["nonsense"])).toBe("inline");
    expect(compareHref("danubedata", 1, 2)).toBe("/providers/danubedata/versions/compare?from=1&to=2");
    expect(compareHref("danubedata", 1, 2, "split")).toBe(
      "/providers/danubedata/versions/compare?from=1&to=2&view=split",
    );
  });

  test("labels: short hashes and publishers", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab");
    expect(publisherLabel("editor@example.test", true)).toBe("editor@example.test");
    expect(publisherLabel("editor@example.test", false)).toBe("Demarc editor");
    expect(publisherLabel("system:seed", false)).toBe("Initial import");
    expect(publisherLabel("system:cli", false)).toBe("Demarc operator");
  });

  test("XML escaping drops characters XML forbids and escapes markup", () => {
    expect(xmlEscape(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    expect(xmlEscape("bell\u0007 tab\t nl\n \uFFFF lone\uD800 pair😀")).toBe("bell tab\t nl\n  lone pair😀");
    expect(entryContentHtml({ note: "a <b>\n\nc", changes: ["x & y"], compareUrl: "https://e.test/?a=1&b=2" })).toBe(
      '<p>a &lt;b&gt;</p><p>c</p><p>What changed:</p><ul><li>x &amp; y</li></ul><p><a href="https://e.test/?a=1&amp;b=2">Compare with the previous version</a></p>',
    );
  });

  test("feed ids are stable name-based UUIDs", () => {
    expect(nameUuidUrn("a")).toBe(nameUuidUrn("a"));
    expect(nameUuidUrn("a")).not.toBe(nameUuidUrn("b"));
    expect(nameUuidUrn("a")).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("a rendered feed with hostile text still parses", () => {
    const hostile = `]]> <!-- & </feed> \u0001 "'`;
    const xml = renderAtomFeed({
      id: "urn:uuid:x",
      title: hostile,
      subtitle: hostile,
      updated: new Date("2025-01-02T03:04:05Z"),
      selfUrl: "https://e.test/feed?a=1&b=2",
      alternateUrl: "https://e.test/",
      author: hostile,
      entries: [
        {
          id: "urn:uuid:y",
          title: hostile,
          updated: new Date("2025-01-02T03:04:05Z"),
          link: "https://e.test/1?x=<y>",
          summary: hostile,
          contentHtml: `<p>${hostile}</p>`,
        },
      ],
    });
    const root = parseXml(xml);
    expect(kid(root, "title").text).toBe(hostile.replace("\u0001", ""));
    expect(kid(root, "updated").text).toBe("2025-01-02T03:04:05.000Z");
    expect(kids(root, "link")[0]!.attributes.href).toBe("https://e.test/feed?a=1&b=2");
    expect(kid(kid(root, "entry"), "content").text).toBe(`<p>${hostile.replace("\u0001", "")}</p>`);
    expect(() => parseXml("<feed><a></feed></a>")).toThrow(/closes/);
    expect(() => parseXml("<feed>a & b</feed>")).toThrow(/bare &/);
  });

  test("what changed, in words", () => {
    const before = providerDocumentSchema.parse(makeProviderDocument());
    const after = structuredClone(before);
    const area = after.services[0]!.areas[0]!;
    area.assignment = "customer";
    area.parties = ["customer"];
    area.cells.find((c) => c.party === "customer")!.duties.push({ text: "Watch the flux" });
    after.services[0]!.areas.push({ ...structuredClone(area), key: "new-area", name: "New area" });
    after.sections.push({ slug: "faq", title: "FAQ", body: "Ask us." });
    after.name = "Renamed";
    const lines = describeChanges(diffProviderDocuments(before, after), { parties: after.parties });
    const service = after.services[0]!.name;
    expect(lines).toEqual([
      "Provider details: name changed",
      `${service}: area added: “New area”`,
      `${service}: area “${area.name}”: assignment Shared → Customer; responsible parties −1; Customer duties +1`,
      "section added: “FAQ”",
    ]);
    expect(describeChanges(diffProviderDocuments(before, before))).toEqual(["No change in content."]);
    expect(describeChanges(diffProviderDocuments(before, after), { limit: 2 })).toEqual([
      "Provider details: name changed",
      "… and 3 more changes.",
    ]);
    expect(describeFirstVersion(before)).toBe("First published version: 1 service, 1 responsibility area.");
    expect(restrictDocument(after, new Set()).services).toEqual([]);
    expect(restrictDocument(after, null)).toBe(after);
  });

  test("line diffs keep context and put removals before additions", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
    expect(lineDiff([], [])).toEqual([]);
  });
});
