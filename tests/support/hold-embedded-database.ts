// Owns an embedded database folder until killed: the "crashed portal" of the lock takeover test.
import { startEmbeddedDatabase } from "@/lib/database/embedded";

await startEmbeddedDatabase({ dataDir: process.argv[2]! });
process.stdout.write("owning\n");
setInterval(() => undefined, 60_000);
