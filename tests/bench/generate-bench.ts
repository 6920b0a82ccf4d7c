// Times `db:generate` at the issue's size, 100 providers × 20 services × 40 areas (80,000 areas,
// plus several full-document versions per provider), on a fresh in-memory embedded database (PGlite
// over the wire protocol), then — with --postgres — on a scratch database of the PostgreSQL server
// (TEST_POSTGRES_URL or 127.0.0.1:5432), which is dropped afterwards. Prints seconds (wall and this
// process's CPU) and row counts.
// Run: npm run bench:generate [-- --postgres] [-- --providers N --services N --areas N]
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { generateContent } from "@/lib/setup/generate/generate-content";

const { values } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    providers: { type: "string", default: "100" },
    services: { type: "string", default: "20" },
    areas: { type: "string", default: "40" },
  },
});
const sizes = { providers: Number(values.providers), services: Number(values.services), areas: Number(values.areas) };
const tables = ["Provider", "Service", "ResponsibilityArea", "ProviderVersion", "Organization", "User", "Subscription"];

async function measure(label: string, databaseUrl: string) {
  await prepareDatabase({ databaseUrl });
  const cpuBefore = process.cpuUsage();
  const first = await generateContent({ databaseUrl, ...sizes, log: (line) => console.log(`  ${line}`) });
  const cpu = process.cpuUsage(cpuBefore);
  const again = await generateContent({ databaseUrl, ...sizes });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;
  const { rows } = await client.query<{ mb: string }>(
    `SELECT round(sum(octet_length("document"::text)) / 1048576.0, 1) AS mb FROM "ProviderVersion"`,
  );
  await client.end();
  console.log(
    `${label}: generated in ${(first.elapsedMs / 1000).toFixed(1)} s (a re-run with the same arguments: ${(again.elapsedMs / 1000).toFixed(2)} s, unchanged: ${again.unchanged})`,
  );
  // The embedded database runs in this process, so its work is in this figure too; on a busy machine
  // it is the steadier one (the wall time waits for other processes).
  console.log(
    `  CPU time of this process: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `  rows (seed included): ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}; version documents ${rows[0]!.mb} MiB`,
  );
  return first.elapsedMs;
}

console.log(
  `db:generate at ${sizes.providers} × ${sizes.services} × ${sizes.areas} = ${(sizes.providers * sizes.services * sizes.areas).toLocaleString("en")} areas`,
);
const owner = await startEmbeddedDatabase({ dataDir: null });
try {
  await measure("embedded (PGlite, in memory)", owner.url);
} finally {
  await owner.stop();
}

if (values.postgres) {
  const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const name = `demarc_bench_generate_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    await measure("PostgreSQL server", url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
