// The generator's documents without a database: valid, free of lint errors, deterministic, with a
// history that differs from version to version, hashed exactly as the app hashes; and the
// command's argument checks.
import { describe, expect, test } from "vitest";
import { lintProviderDocument } from "@/lib/model/lint";
import { SharedCanonicalJson } from "@/lib/setup/generate/document-hash";
import { generateVersions } from "@/lib/setup/generate/earlier-versions";
import { generatedNames } from "@/lib/setup/generate/generate-names";
import { generateProviderDocument } from "@/lib/setup/generate/generate-provider-document";
import { generateDefaults, parseGenerateArgs } from "@/lib/setup/generate/parse-generate-args";
import { seededRandom } from "@/lib/setup/generate/random";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { contentHash } from "@/lib/versions/content-hash";

function providers(seed: number, count: number, services: number, areas: number) {
  const root = seededRandom(seed);
  return generatedNames(root.fork("provider-names"), "provider", count).map(({ name, slug }, index) => {
    const random = root.fork(`provider-${index}`);
    const document = generateProviderDocument({ random, name, slug, isPrivate: index % 10 === 2, services, areas });
    return { document, versions: generateVersions(random.fork("versions"), document, random.between(2, 4)) };
  });
}

describe("generated provider documents", () => {
  const generated = providers(11, 12, 4, 30);

  test("pass the provider document schema unchanged and the checks without errors, every version", () => {
    for (const { versions } of generated)
      for (const { document } of versions) {
        expect(providerDocumentSchema.parse(document)).toEqual(document);
        const errors = lintProviderDocument(document).filter((i) => i.severity === "error");
        expect(errors, `${document.slug}: ${errors.map((e) => e.message).join("; ")}`).toEqual([]);
      }
  });

  test("have the sizes asked for, generated slugs and a third party in some providers", () => {
    for (const { document } of generated) {
      expect(document.slug).toMatch(/^gen-[a-z0-9-]+$/);
      expect(document.source.document).toBe("generated");
      expect(document.services).toHaveLength(4);
      for (const service of document.services) expect(service.areas).toHaveLength(30);
    }
    expect(new Set(generated.map((g) => g.document.slug)).size).toBe(12);
    expect(generated.some((g) => g.document.parties.some((p) => p.role === "third-party"))).toBe(true);
    // Every tenth provider from the third on is private.
    expect(generated.filter((g) => g.document.isPrivate)).toEqual([generated[2]]);
    expect(generated.some((g) => g.document.services.some((s) => s.deploymentModels.length > 0))).toBe(true);
  });

  test("have 2–4 versions, each differing from the next, the newest being the document itself", () => {
    for (const { document, versions } of generated) {
      expect(versions.length).toBeGreaterThanOrEqual(2);
      expect(versions.length).toBeLessThanOrEqual(4);
      expect(versions.at(-1)!.document).toBe(document);
      const hashes = versions.map((v) => contentHash(v.document));
      expect(new Set(hashes).size).toBe(versions.length);
      expect(versions[0]!.note).toMatch(/^Initial transcription/);
      for (const v of versions.slice(1)) expect(v.note).toMatch(/^(Added|Reworded|Corrected)/);
    }
  });

  test("are the same for the same arguments and differ for another seed", () => {
    const again = providers(11, 12, 4, 30);
    expect(again.map((g) => g.versions.map((v) => contentHash(v.document)))).toEqual(
      generated.map((g) => g.versions.map((v) => contentHash(v.document))),
    );
    const other = providers(12, 12, 4, 30);
    expect(contentHash(other[0]!.document)).not.toBe(contentHash(generated[0]!.document));
  });

  test("duty texts have the lengths of the seed's, not placeholders", () => {
    const duties = generated.flatMap((g) =>
      g.document.services.flatMap((s) => s.areas.flatMap((a) => a.cells.flatMap((c) => c.duties.map((d) => d.text)))),
    );
    const mean = duties.reduce((sum, d) => sum + d.length, 0) / duties.length;
    expect(mean).toBeGreaterThan(20);
    expect(new Set(duties).size).toBeGreaterThan(200);
  });
});

describe("SharedCanonicalJson", () => {
  test("hashes exactly as contentHash, for shared and unusual values", () => {
    const canonical = new SharedCanonicalJson();
    for (const { versions } of providers(3, 3, 2, 10))
      for (const { document } of versions) expect(canonical.hash(document)).toBe(contentHash(document));
    const odd = { b: [1, undefined, 'é\u2028"', { z: null, a: undefined, é: 2, Z: true }], a: -0.5, "": [] };
    expect(canonical.text(odd)).toBe(new TextDecoder().decode(new TextEncoder().encode(canonical.text(odd))));
    expect(canonical.hash(odd)).toBe(contentHash(odd));
  });
});

describe("parseGenerateArgs", () => {
  test("takes the sizes, defaults and --force", () => {
    expect(parseGenerateArgs(["--providers", "3", "--services", "2", "--areas", "5", "--force"])).toEqual({
      help: false,
      providers: 3,
      services: 2,
      areas: 5,
      seed: generateDefaults.seed,
      force: true,
    });
    expect(parseGenerateArgs([])).toMatchObject({ ...generateDefaults, force: false });
    expect(parseGenerateArgs(["--help"])).toEqual({ help: true });
  });

  test.each([
    [["--providers", "abc"], '--providers must be a whole number (got "abc").'],
    [["--providers", "2.5"], '--providers must be a whole number (got "2.5").'],
    [["--services", "0"], "--services must be a whole number from 1 to 100 (got 0)."],
    [["--areas", "501"], "--areas must be a whole number from 1 to 500 (got 501)."],
    [["--providers", "1000", "--services", "100", "--areas", "500"], "at most 1,000,000 per run"],
    [["--colour", "red"], "Unknown option '--colour'"],
    [["--providers"], "argument missing"],
  ])("refuses %j", (args, message) => {
    expect(() => parseGenerateArgs(args)).toThrow(message);
  });
});
