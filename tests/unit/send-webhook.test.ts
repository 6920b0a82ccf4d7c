// One webhook delivery against real sockets. Where private networks are denied (the default), it
// reaches no address on this machine or a private network: not by a literal address, not by a host
// name that resolves to one — checked in the connection's own lookup. A receiver on loopback shows
// that the refusals are the rule's, not a dead receiver's. Failures are named briefly.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isPublicAddress } from "@/lib/notifications/public-address";
import { PRIVATE_ADDRESS_CODE, publicOnlyLookup } from "@/lib/notifications/public-lookup";
import { sendWebhook } from "@/lib/notifications/send-webhook";

let server: Server;
let port: number;
let requests = 0;
let connections = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests++;
    request.resume();
    // /slow never answers (the delivery times out); /moved redirects; anything else is accepted.
    if (request.url === "/slow") return;
    if (request.url === "/moved") response.writeHead(302, { Location: "https://elsewhere.example/" });
    response.end("ok");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = (url: string, privateNetworks: "allow" | "deny") =>
  sendWebhook({ url, secret: "whsec_test", body: "{}", deliveryId: "d-1", privateNetworks, timeoutMs: 5_000 });

describe("webhooks and private networks", () => {
  test("allowed: the loopback receiver gets the delivery", async () => {
    const before = requests;
    expect(await send(`http://127.0.0.1:${port}/hook`, "allow")).toMatchObject({ ok: true, status: 200 });
    expect(requests).toBe(before + 1);
  });

  test("denied: a literal private address is refused without connecting", async () => {
    const before = connections;
    for (const url of [
      `https://127.0.0.1:${port}/`,
      `https://[::ffff:127.0.0.1]:${port}/`,
      `https://localhost:${port}/`,
    ])
      expect(await send(url, "deny"), url).toMatchObject({ ok: false, status: null, error: /private network/ });
    expect(connections).toBe(before);
  });

  test("denied: a host name resolving to this machine is refused by the connection's lookup", async () => {
    const name = hostname();
    // The machine's own name resolves to its loopback or private address.
    const addresses = await lookup(name, { all: true });
    expect(
      addresses.every((a) => !isPublicAddress(a.address)),
      `${name} resolves to ${JSON.stringify(addresses)}`,
    ).toBe(true);
    const before = connections;
    expect(await send(`https://${name}:${port}/hook`, "deny")).toEqual({
      ok: false,
      status: null,
      error: "address not accepted: it is on this machine or a private network",
      durationMs: expect.any(Number),
    });
    const refused = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const socket = connect({ host: "localhost", port, lookup: publicOnlyLookup });
      socket.on("connect", () => reject(new Error("connected")));
      socket.on("error", resolve);
    });
    expect(refused.code).toBe(PRIVATE_ADDRESS_CODE);
    expect(connections).toBe(before);
  });

  test("the lookup passes public addresses through, one or all", async () => {
    const one = await new Promise<[string, number]>((resolve, reject) =>
      publicOnlyLookup("8.8.8.8", {}, (error, address, family) =>
        error ? reject(error) : resolve([address as string, family as number]),
      ),
    );
    expect(one).toEqual(["8.8.8.8", 4]);
    const all = await new Promise<unknown>((resolve, reject) =>
      publicOnlyLookup("2606:4700::1111", { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      ),
    );
    expect(all).toEqual([{ address: "2606:4700::1111", family: 6 }]);
  });

  test("a redirect, a timeout and a closed port are failures, named briefly", async () => {
    expect(await send(`http://127.0.0.1:${port}/moved`, "allow")).toMatchObject({
      ok: false,
      status: 302,
      error: "HTTP 302 (redirects are not followed)",
    });
    const slow = await sendWebhook({
      url: `http://127.0.0.1:${port}/slow`,
      secret: "whsec_test",
      body: "{}",
      deliveryId: "d-2",
      privateNetworks: "allow",
      timeoutMs: 300,
    });
    expect(slow).toMatchObject({ ok: false, status: null, error: "timed out" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await send(`http://127.0.0.1:${closedPort}/`, "allow")).toMatchObject({
      ok: false,
      status: null,
      error: "connection refused",
    });
  });
});
