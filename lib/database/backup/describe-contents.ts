// A database's content in one phrase ("5 providers, 7 published versions, …"), for the restore's
// refusal to replace a database that holds any, and for what the commands print.
import "server-only";
import { plural } from "@/lib/format";
import { MIGRATIONS_TABLE, type DatabaseFacts } from "./database-facts";

/**
 * Rows the migrations write themselves, and search words (derived from the content): a database holding
 * only these holds nothing of its own, and they are not counted as "other rows".
 */
const migrationRows = new Set([MIGRATIONS_TABLE, "ContentEpoch", "SearchWord"]);

const named: [table: string, one: string, many?: string][] = [
  ["Provider", "provider"],
  ["ProviderVersion", "published version"],
  ["ProviderDraft", "draft"],
  ["AuditEntry", "audit entry", "audit entries"],
  ["User", "account"],
  ["Organization", "organization"],
];

export function holdsContent(tables: Pick<DatabaseFacts["tables"][number], "name" | "rows">[]): boolean {
  return tables.some((t) => !migrationRows.has(t.name) && t.rows > 0);
}

export function describeContents(tables: Pick<DatabaseFacts["tables"][number], "name" | "rows">[]): string {
  const rows = new Map(tables.map((t) => [t.name, t.rows]));
  const parts = named
    .filter(([table]) => (rows.get(table) ?? 0) > 0)
    .map(([table, one, many]) => plural(rows.get(table)!, one, many));
  const other = tables
    .filter((t) => !migrationRows.has(t.name) && !named.some(([table]) => table === t.name))
    .reduce((sum, t) => sum + t.rows, 0);
  if (other > 0) parts.push(plural(other, parts.length ? "other row" : "row"));
  if (parts.length === 0) return "no content";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
