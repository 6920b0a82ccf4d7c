import net from "node:net";
import { expect, test } from "vitest";
import { startEmbeddedDatabase } from "@/lib/database/embedded";

/** A bare PostgreSQL wire-protocol client: just enough to interleave two connections on purpose. */
class WireClient {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  static async connect(port: number): Promise<WireClient> {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const client = new WireClient(socket);
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, params]));
    await client.untilReady();
    return client;
  }

  private static message(type: string, body: Buffer): Buffer {
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  }

  parse(sql: string): Buffer {
    return WireClient.message("P", Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.alloc(2)]));
  }

  bind(values: string[]): Buffer {
    const parts = [Buffer.from("\0\0"), Buffer.from([0, 0])];
    const count = Buffer.alloc(2);
    count.writeInt16BE(values.length);
    parts.push(count);
    for (const v of values) {
      const len = Buffer.alloc(4);
      len.writeInt32BE(Buffer.byteLength(v));
      parts.push(len, Buffer.from(v));
    }
    parts.push(Buffer.from([0, 0]));
    return WireClient.message("B", Buffer.concat(parts));
  }

  executeAndSync(): Buffer {
    return Buffer.concat([
      WireClient.message("E", Buffer.from([0, 0, 0, 0, 0])),
      WireClient.message("S", Buffer.alloc(0)),
    ]);
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Reads messages up to ReadyForQuery; returns the first data value, or the error text. */
  async untilReady(): Promise<{ value?: string; error?: string }> {
    const result: { value?: string; error?: string } = {};
    for (;;) {
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const type = String.fromCharCode(this.buffer[0]!);
        const body = this.buffer.subarray(5, 1 + this.buffer.readInt32BE(1));
        this.buffer = this.buffer.subarray(1 + this.buffer.readInt32BE(1));
        if (type === "D" && result.value === undefined)
          result.value = body.subarray(6, 6 + body.readInt32BE(2)).toString();
        if (type === "E")
          result.error = body
            .toString()
            .split("\0")
            .find((f) => f.startsWith("M"))
            ?.slice(1);
        if (type === "Z") return result;
      }
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  close(): void {
    this.socket.end(WireClient.message("X", Buffer.alloc(0)));
  }
}

test("the embedded server never lets another connection's batch split a Parse from its Bind", async () => {
  const owner = await startEmbeddedDatabase({ dataDir: null });
  const port = Number(new URL(owner.url).port);
  const [a, b] = await Promise.all([WireClient.connect(port), WireClient.connect(port)]);
  try {
    // A's batch arrives in two reads, and B's whole batch arrives in between.
    a.send(a.parse("SELECT $1::int + $2::int"));
    await new Promise((r) => setTimeout(r, 50));
    b.send(b.parse("SELECT $1::int * $2::int * $3::int * $4::int"), b.bind(["2", "3", "4", "5"]), b.executeAndSync());
    await new Promise((r) => setTimeout(r, 50));
    a.send(a.bind(["40", "2"]), a.executeAndSync());
    const [ra, rb] = await Promise.all([a.untilReady(), b.untilReady()]);
    expect(ra).toEqual({ value: "42" });
    expect(rb).toEqual({ value: "120" });
  } finally {
    a.close();
    b.close();
    await owner.stop();
  }
});
