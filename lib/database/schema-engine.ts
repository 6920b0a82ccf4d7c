import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// On globalThis, not in a module variable: the engine's JS glue is one module per process even
// when this file is loaded by several module graphs (Vitest global setups), and instantiating
// twice would swap the memory under a running engine.
const loaded = globalThis as unknown as { demarcSchemaEngineWasm?: Promise<void> };

/** Node 20 cannot import the engine's `.wasm` entry, so instantiate it by hand (once per process). */
function loadWasm(): Promise<void> {
  loaded.demarcSchemaEngineWasm ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no path to its .wasm file: find it beside the exported JS glue.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return loaded.demarcSchemaEngineWasm;
}

/** Prisma's schema engine (migrations, diffs) driven through a driver adapter; works offline. */
export async function openSchemaEngine(options: {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  schemaPath: string;
  schema: string;
  log?: (message: string) => void;
}): Promise<SchemaEngine> {
  await loadWasm();
  const { SchemaEngine: Engine } = bindings as unknown as { SchemaEngine: typeof SchemaEngine };
  return Engine.new(
    { datamodels: [[options.schemaPath, options.schema]] },
    (message: string) => options.log?.(message),
    bindMigrationAwareSqlAdapterFactory(options.adapterFactory),
  );
}
