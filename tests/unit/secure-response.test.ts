import { createHash } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { inlineScriptHashes, resourcePolicy } from "@/lib/security/content-security-policy";
import { secureResponse } from "@/lib/security/secure-response";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const page = `<!DOCTYPE html><html><head><script src="/_next/static/app.js" async></script></head>
<body><p>Hi</p><script>self.__next_f=[]</script><script nonce="x">self.__next_f.push([1,"a</p>"])</script>
<SCRIPT type="module">import("/x.js")</SCRIPT><script>self.__next_f=[]</script></body></html>`;

describe("inlineScriptHashes", () => {
  it("hashes each distinct inline script body exactly as written, and skips scripts with src", () => {
    expect(inlineScriptHashes(page)).toEqual([
      sha256("self.__next_f=[]"),
      sha256('self.__next_f.push([1,"a</p>"])'),
      sha256('import("/x.js")'),
    ]);
  });
});

describe("secureResponse", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(respond: (response: ServerResponse) => void) {
    server = createServer((_request, response) => {
      secureResponse(response);
      respond(response);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
  }

  it("names the hashes of a page streamed in pieces, whatever writeHead was given", async () => {
    const url = await serve((response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const half = Math.floor(page.length / 2);
      response.write(page.slice(0, half));
      setTimeout(() => response.end(page.slice(half)), 5);
    });
    const response = await fetch(url);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(await response.text()).toBe(page);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    for (const hash of inlineScriptHashes(page)) expect(scriptSrc).toContain(hash);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("reads a compressed page to hash it and sends the compressed bytes unchanged", async () => {
    const gzipped = gzipSync(page);
    const url = await serve((response) => {
      response.setHeader("content-type", "text/html");
      response.setHeader("content-encoding", "gzip");
      response.end(gzipped);
    });
    const response = await fetch(url);
    expect(response.headers.get("content-security-policy")).toContain(sha256('import("/x.js")'));
    expect(await response.text()).toBe(page); // fetch decompresses what was sent
  });

  it("gives everything that is not a page the resource policy, streamed as it comes", async () => {
    const url = await serve((response) => {
      response.setHeader("content-type", "application/json");
      response.write('{"a":');
      response.end("1}");
    });
    const response = await fetch(url);
    expect(response.headers.get("content-security-policy")).toBe(resourcePolicy);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("hashes a page itself even when a policy came with it (nothing stale is replayed)", async () => {
    const url = await serve((response) => {
      response.writeHead(200, {
        "content-type": "text/html",
        "content-security-policy": "script-src 'self' 'sha256-old'",
      });
      response.end(page);
    });
    const policy = (await fetch(url)).headers.get("content-security-policy");
    expect(policy).toContain(sha256('import("/x.js")'));
    expect(policy).not.toContain("sha256-old");
  });
});
