// Where the embedded database's owner says how to reach it. No PGlite import here: the app reads
// this file to connect, it never opens the database itself.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface EmbeddedServerInfo {
  url: string;
  pid: number;
}

export const embeddedPaths = (dataDir: string) => ({
  pgdata: path.join(dataDir, "pglite"),
  serverFile: path.join(dataDir, "embedded-server.json"),
});

/** The running owner's connection info, or null when no live owner has written one. */
export function readEmbeddedServer(dataDir: string): EmbeddedServerInfo | null {
  try {
    const file = embeddedPaths(dataDir).serverFile;
    const info = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as EmbeddedServerInfo;
    process.kill(info.pid, 0); // throws when the owner is gone
    return info;
  } catch {
    return null;
  }
}
