// The Atom feed's absolute links come from the configured public origin, never from the address
// Next.js listens on. The environment is read once per module graph, so each case loads the route
// afresh under its own environment.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createProvider } from "../support/app-db";
import { publishChangedVersion } from "../support/published-seed";
import { makeProviderDocument } from "../factories/provider-document";

let provider: Awaited<ReturnType<typeof createProvider>> & { slug: string };
beforeAll(async () => {
  const created = await createProvider(makeProviderDocument());
  provider = { ...created, slug: created.document.slug };
  await publishChangedVersion(provider);
});
afterAll(async () => {
  await provider.remove();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function feedUnder(environment: Record<string, string | undefined>, headers: Record<string, string> = {}) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const { GET } = await import("@/app/providers/[provider]/changelog.atom/route");
  // As Next.js hands it over: the URL names the address it listens on.
  const request = new Request(`http://localhost:3000/providers/${provider.slug}/changelog.atom`, { headers });
  const response = await GET(request, { params: Promise.resolve({ provider: provider.slug }) });
  expect(response.status).toBe(200);
  return response.text();
}

/** Every absolute address in the feed: link hrefs, and links inside the escaped HTML content. */
function addresses(xml: string): string[] {
  const hrefs = [...xml.matchAll(/href="([^"]+)"/g), ...xml.matchAll(/href=&quot;(.+?)&quot;/g)].map((m) =>
    m[1]!.replaceAll("&amp;amp;", "&").replaceAll("&amp;", "&"),
  );
  return hrefs;
}

describe("changelog feed links", () => {
  test("use DEMARC_PUBLIC_ORIGIN (its origin only), whatever address the request names", async () => {
    const xml = await feedUnder(
      { DEMARC_PUBLIC_ORIGIN: "https://demarc.example.com/ignored/path", NEXTAUTH_URL: "https://sso.example.com" },
      { host: "internal-host:3000" },
    );
    const links = addresses(xml);
    const base = `https://demarc.example.com/providers/${provider.slug}`;
    expect(links).toEqual(
      expect.arrayContaining([
        `${base}/changelog.atom`,
        `${base}/versions`,
        `${base}/versions/2`,
        `${base}/versions/1`,
        `${base}/versions/compare?from=1&to=2`,
      ]),
    );
    expect(links.every((href) => href.startsWith("https://demarc.example.com/"))).toBe(true);
    expect(xml).not.toContain("localhost");
    expect(xml).not.toContain("internal-host");
  });

  test("fall back to NEXTAUTH_URL when no public origin is set", async () => {
    const links = addresses(
      await feedUnder({ DEMARC_PUBLIC_ORIGIN: undefined, NEXTAUTH_URL: "https://sso.example.com/" }),
    );
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(links.every((href) => href.startsWith("https://sso.example.com/providers/"))).toBe(true);
  });

  test("unconfigured: the host the reader asked for, not the one Next.js listens on", async () => {
    const unconfigured = { DEMARC_PUBLIC_ORIGIN: undefined, NEXTAUTH_URL: undefined };
    const links = addresses(await feedUnder(unconfigured, { host: "demarc.lan:8080" }));
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(links.every((href) => href.startsWith("http://demarc.lan:8080/providers/"))).toBe(true);
    // A Host header that is not a bare host name is ignored.
    const odd = addresses(await feedUnder(unconfigured, { host: "evil.example/path@x" }));
    expect(odd.every((href) => href.startsWith("http://localhost:3000/providers/"))).toBe(true);
  });

  test("an invalid DEMARC_PUBLIC_ORIGIN stops start-up with a message naming it", async () => {
    vi.resetModules();
    vi.stubEnv("DEMARC_PUBLIC_ORIGIN", "ftp://demarc.example.com");
    await expect(import("@/lib/env")).rejects.toThrow(/DEMARC_PUBLIC_ORIGIN/);
  });
});
