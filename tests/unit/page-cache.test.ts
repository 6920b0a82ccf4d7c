import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, test } from "vitest";
import { createPageCache } from "@/lib/page-cache/page-cache";

/**
 * A real HTTP server with the page cache in front of a stand-in renderer that streams its page in
 * chunks, as Next.js does, and counts how often it ran.
 */
async function serve(options: { status?: number; setCookie?: boolean; maxAgeMs?: number } = {}) {
  let epoch = "1";
  let snapshot = "100:100:";
  let clock = 0;
  const rendered: string[] = [];
  const cache = createPageCache({
    readEpoch: async () => ({ content: epoch, snapshot }),
    maxBytes: 1024 * 1024,
    maxAgeMs: options.maxAgeMs ?? 60_000,
    signedInMaxAgeMs: 5_000,
    now: () => clock,
  });
  const server: Server = createServer(
    (request, response) =>
      void cache.handle(request, response, async () => {
        rendered.push(request.url!);
        response.statusCode = options.status ?? 200;
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
        if (options.setCookie) response.setHeader("Set-Cookie", "a=b");
        response.write(`<p>epoch ${epoch} ${request.headers.cookie ?? "anonymous"}</p>`);
        response.write(Buffer.from(`<p>${"é".repeat(2000)} ${request.headers["accept-encoding"] ?? "identity"}</p>`));
        response.end("<p>end</p>");
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    rendered,
    origin,
    setEpoch: (value: string) => void (epoch = value),
    setSnapshot: (value: string) => void (snapshot = value),
    advance: (ms: number) => void (clock += ms),
    get: (path: string, headers: Record<string, string> = {}) => fetch(origin + path, { headers }),
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("page cache", () => {
  test("serves an anonymous published page again without rendering, until the epoch changes", async () => {
    const portal = await serve();
    const first = await portal.get("/providers/acme");
    const firstBody = await first.text();
    expect(first.headers.get("x-demarc-cache")).toBeNull();
    expect(firstBody).toContain("<p>epoch 1 anonymous</p>");
    // The render ran without compression, so one copy serves every reader.
    expect(firstBody).toContain(" identity</p><p>end</p>");

    const second = await portal.get("/providers/acme");
    expect(second.headers.get("x-demarc-cache")).toBe("hit");
    expect(second.headers.get("cache-control")).toBe("public, no-cache");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await second.text()).toBe(firstBody);
    expect(portal.rendered).toEqual(["/providers/acme"]);

    portal.setEpoch("2");
    const afterPublish = await portal.get("/providers/acme");
    expect(afterPublish.headers.get("x-demarc-cache")).toBeNull();
    expect(await afterPublish.text()).toContain("<p>epoch 2 anonymous</p>");
    // Writes that are not content (a session, an audit entry) keep anonymous pages.
    portal.setSnapshot("100:107:");
    expect((await portal.get("/providers/acme")).headers.get("x-demarc-cache")).toBe("hit");
    expect(portal.rendered).toHaveLength(2);
  });

  test("answers If-None-Match with 304 and compresses for readers that accept gzip", async () => {
    const portal = await serve();
    const body = await (await portal.get("/")).text();
    const hit = await portal.get("/");
    const etag = hit.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await portal.get("/", { "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);

    const raw = await new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${portal.origin}/`, { headers: { "Accept-Encoding": "br, gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              encoding: response.headers["content-encoding"],
              vary: response.headers.vary,
              bytes: Buffer.concat(chunks),
            }),
          );
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(raw.vary).toContain("Accept-Encoding");
    expect(gunzipSync(raw.bytes).toString("utf8")).toBe(body);
    expect(portal.rendered).toHaveLength(1);
  });

  test("keeps a 404 (an unknown provider is the same for everyone) but never an error or a cookie", async () => {
    const notFound = await serve({ status: 404 });
    await notFound.get("/providers/nobody");
    expect((await notFound.get("/providers/nobody")).status).toBe(404);
    expect(notFound.rendered).toHaveLength(1);

    const failing = await serve({ status: 500 });
    await failing.get("/providers/acme");
    await failing.get("/providers/acme");
    expect(failing.rendered).toHaveLength(2);

    const cookie = await serve({ setCookie: true });
    await cookie.get("/providers/acme");
    await cookie.get("/providers/acme");
    expect(cookie.rendered).toHaveLength(2);
  });

  test("each session's pages are kept apart, private, and only while nothing was written", async () => {
    const portal = await serve();
    const alice = { Cookie: "next-auth.session-token=alice" };
    const bob = { Cookie: "theme=x; __Secure-next-auth.session-token=bob" };
    expect(await (await portal.get("/me/obligations", alice)).text()).toContain("session-token=alice");
    const again = await portal.get("/me/obligations", alice);
    expect(again.headers.get("x-demarc-cache")).toBe("hit");
    expect(again.headers.get("cache-control")).toBe("private, no-cache");
    expect(await again.text()).toContain("session-token=alice");
    expect(await (await portal.get("/me/obligations", bob)).text()).toContain("session-token=bob");
    expect(portal.rendered).toHaveLength(2);
    // My obligations is a signed-in page only; anonymous readers always reach the renderer.
    await portal.get("/me/obligations");
    await portal.get("/me/obligations");
    expect(portal.rendered).toHaveLength(4);

    // Any write (a subscription, a role, a sign-out) changes the snapshot: the page is rendered again.
    portal.setSnapshot("100:108:");
    expect((await portal.get("/me/obligations", alice)).headers.get("x-demarc-cache")).toBeNull();
    expect((await portal.get("/me/obligations", alice)).headers.get("x-demarc-cache")).toBe("hit");
    // A session may end by the clock alone: its pages are kept only briefly.
    portal.advance(5_000);
    expect((await portal.get("/me/obligations", alice)).headers.get("x-demarc-cache")).toBeNull();
    expect(portal.rendered).toHaveLength(6);
  });

  test("API tokens and unlisted paths always reach the renderer; old entries expire", async () => {
    const portal = await serve({ maxAgeMs: 1_000 });
    for (let i = 0; i < 2; i++) {
      await portal.get("/api/v1/providers/acme", { Authorization: "Bearer dm_x" });
      await portal.get("/providers/acme/versions");
      await portal.get("/providers/acme/edit", { Cookie: "next-auth.session-token=t" });
    }
    expect(portal.rendered).toHaveLength(6);

    await portal.get("/providers/acme");
    await portal.get("/providers/acme");
    expect(portal.rendered).toHaveLength(7);
    portal.advance(1_000);
    await portal.get("/providers/acme");
    expect(portal.rendered).toHaveLength(8);
  });
});
