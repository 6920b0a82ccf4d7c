// Pages describe themselves from their own data, announce their provider's changelog feed, and say
// nothing about what the reader may not see.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateMetadata as providerMetadata } from "@/app/providers/[provider]/(overview)/page";
import { generateMetadata as serviceMetadata } from "@/app/providers/[provider]/services/[service]/page";
import { generateMetadata as versionMetadata } from "@/app/providers/[provider]/versions/[number]/page";
import { generateMetadata as versionServiceMetadata } from "@/app/providers/[provider]/versions/[number]/services/[service]/page";
import { anonymous } from "@/lib/auth/permissions";
import { actAs } from "../support/actor";
import { makeUser } from "../factories/accounts";
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { createProvider } from "../support/app-db";
import { makeProviderDocument } from "../factories/provider-document";

const longSummary = `${"Sovereign cloud services run from Vienna for regulated customers. ".repeat(4)}The end.`;

/** A small provider, published as version 1 with the note "First". */
async function published(overrides: Partial<ProviderDocumentInput>, serviceSummary: string) {
  const document = makeProviderDocument(overrides);
  document.services[0]!.summary = serviceSummary;
  const created = await createProvider(document);
  return { ...created, slug: document.slug };
}

let visible: Awaited<ReturnType<typeof published>>;
let hidden: Awaited<ReturnType<typeof published>>;
beforeAll(async () => {
  visible = await published({ summary: longSummary }, "Virtual   machines\nyou run yourself.");
  hidden = await published(
    { isPrivate: true, summary: "Secret summary of a private provider." },
    "Secret summary of a private service.",
  );
});
afterAll(async () => {
  await visible.remove();
  await hidden.remove();
});

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const withSearch = <T extends Record<string, string>>(value: T) => ({
  ...params(value),
  searchParams: Promise.resolve({}),
});

describe("meta descriptions and feed autodiscovery", () => {
  test("provider page: its summary cut to about 160 characters, and its changelog feed", async () => {
    const metadata = await providerMetadata(params({ provider: visible.slug }));
    expect(metadata.title).toBe(visible.document.name);
    const description = metadata.description!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description.endsWith("…")).toBe(true);
    expect(longSummary.startsWith(description.slice(0, -1))).toBe(true);
    expect(metadata.alternates?.types).toEqual({
      "application/atom+xml": [
        { url: `/providers/${visible.slug}/changelog.atom`, title: `${visible.document.name} changelog` },
      ],
    });
  });

  test("service pages, current and versioned: the service's own summary", async () => {
    const service = visible.document.services[0]!;
    const current = await serviceMetadata(withSearch({ provider: visible.slug, service: service.slug }));
    expect(current.description).toBe("Virtual machines you run yourself.");
    expect(current.alternates?.types?.["application/atom+xml"]).toEqual([
      { url: `/providers/${visible.slug}/changelog.atom`, title: `${visible.document.name} changelog` },
    ]);
    const versioned = await versionServiceMetadata(
      withSearch({ provider: visible.slug, number: "1", service: service.slug }),
    );
    expect(versioned.description).toBe(current.description);
    const version = await versionMetadata(params({ provider: visible.slug, number: "1" }));
    expect(version.description).toBe(`Version 1 of the ${visible.document.name} shared responsibility model: First`);
  });

  test("a hidden provider's pages say only “Not found”; permitted readers get its texts", async () => {
    const service = hidden.document.services[0]!.slug;
    const pages = () => [
      providerMetadata(params({ provider: hidden.slug })),
      serviceMetadata(withSearch({ provider: hidden.slug, service })),
      versionMetadata(params({ provider: hidden.slug, number: "1" })),
      versionServiceMetadata(withSearch({ provider: hidden.slug, number: "1", service })),
    ];
    actAs(anonymous);
    for (const metadata of await Promise.all(pages())) {
      expect(metadata).toEqual({ title: "Not found" });
      expect(JSON.stringify(metadata)).not.toContain("Secret");
    }
    actAs((await makeUser({ role: "auditor" })).actor);
    const [provider, current] = await Promise.all(pages());
    expect(provider!.description).toBe("Secret summary of a private provider.");
    expect(current!.description).toBe("Secret summary of a private service.");
  });
});
