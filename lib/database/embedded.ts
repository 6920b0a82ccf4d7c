// The embedded database: one owner process opens PGlite on disk and serves it over the
// PostgreSQL wire protocol on 127.0.0.1, so the app, migrations and seed all use the same pg
// adapter as a real server. PGlite takes no lock itself, and two openers silently diverge:
// the owner holds a lock file and any other opener fails with a clear error.
import "server-only";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import lockfile from "proper-lockfile";
import { pgliteExtensions } from "./pglite-extensions";

import { embeddedPaths, type EmbeddedServerInfo } from "./embedded-server-file";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already in use by another process. ` +
        "Stop the other portal (or CLI command) first, or set DEMARC_DATA_DIR to another folder.",
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

/** Starts the owner. `dataDir: null` keeps the database in memory (tests). */
export async function startEmbeddedDatabase(options: { dataDir: string | null; port?: number }) {
  let release: (() => Promise<void>) | undefined;
  let pgdata: string | undefined;
  if (options.dataDir) {
    const paths = embeddedPaths(options.dataDir);
    pgdata = paths.pgdata;
    await mkdir(options.dataDir, { recursive: true });
    release = await takeOwnership(options.dataDir);
  }
  const db = await PGlite.create({ ...(pgdata ? { dataDir: pgdata } : {}), extensions: pgliteExtensions });
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
  keepProtocolBatchesTogether(server, db);
  await server.start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  if (options.dataDir) {
    const info: EmbeddedServerInfo = { url, pid: process.pid };
    await writeFile(embeddedPaths(options.dataDir).serverFile, JSON.stringify(info));
  }
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
      if (options.dataDir) await rm(embeddedPaths(options.dataDir).serverFile, { force: true });
      await release?.();
    },
  };
}

/**
 * Locks the folder for this process. A lock whose recorded owner process no longer exists (killed,
 * or the machine lost power) is taken over at once rather than after the lock's 15 s staleness, so
 * a supervisor that restarts the portal immediately is not refused in a loop.
 */
async function takeOwnership(dataDir: string): Promise<() => Promise<void>> {
  const lockfilePath = path.join(dataDir, "owner.lock");
  const ownerFile = path.join(dataDir, "owner.pid");
  const lock = () => lockfile.lock(dataDir, { lockfilePath, stale: 15_000, update: 5_000, retries: 0 });
  let release: () => Promise<void>;
  try {
    release = await lock();
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    const owner = Number(await readFile(ownerFile, "utf8").catch(() => ""));
    if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || processIsAlive(owner))
      throw new EmbeddedDatabaseBusyError(dataDir);
    await rm(lockfilePath, { recursive: true, force: true });
    try {
      release = await lock();
    } catch (retryError) {
      // Another starter took the dead owner's place first.
      if ((retryError as { code?: string }).code === "ELOCKED") throw new EmbeddedDatabaseBusyError(dataDir);
      throw retryError;
    }
  }
  await writeFile(ownerFile, String(process.pid));
  return async () => {
    await rm(ownerFile, { force: true });
    await release();
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: string }).code === "EPERM"; // exists, owned by someone else
  }
  // A killed process whose parent has not collected it yet (a zombie) still answers signals.
  const state = readFileSyncOrNull(`/proc/${pid}/stat`)?.replace(/^.*\) /s, "")[0];
  return state !== "Z" && state !== "X";
}

function readFileSyncOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
}

// Parse, Bind, Describe, Execute, Close and Flush belong to a batch that only Sync ends.
const batchMessageTypes = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket (0.2.17) queues single protocol messages from all connections and keeps one
 * connection's messages together only inside a transaction. PGlite has one backend, so when a
 * batch arrives in several reads another connection's Parse can land between this one's Parse
 * and Bind ("bind message supplies 4 parameters, but prepared statement "" requires 2"), seen
 * under concurrent page loads. This replaces the queue's loop: a connection keeps the database
 * from its first batch message to its Sync (and, as before, for a whole transaction). It also
 * keeps serving after a failed message, where the original loop stopped for good.
 */
function keepProtocolBatchesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let batchOwner: number | null = null;
  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const owner = batchOwner ?? (db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((q) => q.handlerId === owner);
        if (index === -1) break; // wait for the owner's next message
        const item = queue.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          batchOwner = null;
          item.reject(error);
          continue;
        }
        queue.lastHandlerId = item.handlerId;
        batchOwner = batchMessageTypes.has(item.message[0]!) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (batchOwner === handlerId) {
      batchOwner = null;
      void queue.processQueue();
    }
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
