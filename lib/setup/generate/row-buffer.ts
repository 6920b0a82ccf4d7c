// Rows waiting to be inserted, table by table, written as multi-row inserts: each statement sends
// one JSON array of rows that PostgreSQL expands with json_populate_recordset. A few hundred
// statements write a hundred providers, on a server and on the embedded database alike.
import "server-only";
import type { Execute } from "./sql-transaction";

/** Parents before children, so every foreign key points at a row already written. */
export const tablesInInsertOrder = [
  "Provider",
  "Party",
  "ComplianceReference",
  "ContactChannel",
  "NarrativeSection",
  "Service",
  "AreaGroup",
  "Layer",
  "Component",
  "ResponsibilityArea",
  "DeploymentModel",
  "DeploymentAssignment",
  "ProviderVersion",
  "Organization",
  "User",
  "Subscription",
] as const;

export type Table = (typeof tablesInInsertOrder)[number];

/**
 * Per statement: the embedded server's cost per byte grows with the message above a megabyte or two
 * (measured: 16 MiB took 60 times as long as 1 MiB), while a megabyte is already few round trips.
 */
const STATEMENT_BYTES = 1024 * 1024;

type Batch = Map<Table, { columns: string[]; json: string[]; bytes: number }>;

export class RowBuffer {
  private rows: Batch = new Map();
  /** The batch being written, if any: the next one is generated meanwhile (a server works in parallel). */
  private inFlight: Promise<void> = Promise.resolve();
  bytes = 0;

  /**
   * Every row of a table must have the same keys (null for an empty column; omitted ones take their
   * default). `serialized` holds columns already written as JSON text (a document, not stringified twice).
   */
  add(table: Table, row: Record<string, unknown>, serialized: Record<string, string> = {}): void {
    let entry = this.rows.get(table);
    if (!entry) {
      entry = { columns: [...Object.keys(row), ...Object.keys(serialized)], json: [], bytes: 0 };
      this.rows.set(table, entry);
    }
    const extra = Object.entries(serialized).map(([key, text]) => `,${JSON.stringify(key)}:${text}`);
    const json = extra.length ? `${JSON.stringify(row).slice(0, -1)}${extra.join("")}}` : JSON.stringify(row);
    entry.json.push(json);
    entry.bytes += json.length;
    this.bytes += json.length;
  }

  /**
   * Hands the buffered rows over for writing after the batch before them, and returns once that earlier
   * batch is written: at most one batch is in flight while the caller builds the next. A failed write
   * surfaces here or in flush().
   */
  async flushInBackground(execute: Execute): Promise<void> {
    const batch = this.rows;
    this.rows = new Map();
    this.bytes = 0;
    const previous = this.inFlight;
    this.inFlight = previous.then(() => writeBatch(batch, execute));
    this.inFlight.catch(() => {}); // awaited below or by the next call
    await previous;
  }

  /** Waits for the batch in flight, failed or not: call before rolling back, so no write comes after it. */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => {});
  }

  /** Writes every buffered row and waits until all are written. */
  async flush(execute: Execute): Promise<void> {
    await this.flushInBackground(execute);
    await this.inFlight;
  }
}

async function writeBatch(batch: Batch, execute: Execute): Promise<void> {
  for (const table of tablesInInsertOrder) {
    const entry = batch.get(table);
    if (!entry) continue;
    const columns = entry.columns.map((c) => `"${c}"`).join(", ");
    const sql = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
    let chunk: string[] = [];
    let size = 0;
    for (const json of entry.json) {
      if (size + json.length > STATEMENT_BYTES && chunk.length) {
        await execute(sql, `[${chunk.join(",")}]`);
        chunk = [];
        size = 0;
      }
      chunk.push(json);
      size += json.length;
    }
    if (chunk.length) await execute(sql, `[${chunk.join(",")}]`);
  }
}
