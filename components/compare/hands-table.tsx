// One table of compared areas: a row per area, a column per service or deployment model, each cell
// the area's assignment there, linking to its row on that page. Server-safe: no hooks, no client code.
import Link from "next/link";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import { areaAnchorId, serviceHref } from "@/lib/model/area-anchor";
import type { ComparisonDto, PartyDto } from "@/lib/validation/api";

type Column = ComparisonDto["columns"][number];
type Row = ComparisonDto["changing"][number];
type Cell = NonNullable<Row["cells"][number]>;

/** The page a column shows: the service, under the column's deployment model if it has one. */
export function columnHref(provider: string, column: Pick<Column, "service" | "model">): string {
  const query = column.model ? `?model=${encodeURIComponent(column.model)}` : "";
  return `${serviceHref(provider, column.service)}${query}`;
}

function cellHref(provider: string, column: Column, cell: Cell): string {
  return `${columnHref(provider, column)}#${encodeURIComponent(areaAnchorId(cell.area))}`;
}

/**
 * Party names are shown where the assignment alone does not say who holds the area: a third party,
 * or a row where one assignment is carried by different parties in different columns.
 */
function partyDetail(row: Row, cell: Cell, parties: readonly PartyDto[]): string | undefined {
  const sameAssignment = row.cells.filter((c): c is Cell => c?.assignment === cell.assignment);
  const partiesDiffer = new Set(sameAssignment.map((c) => [...c.parties].sort().join("+"))).size > 1;
  if (cell.assignment !== "third-party" && !partiesDiffer) return undefined;
  const names = cell.parties.map((key) => parties.find((p) => p.key === key)?.name ?? key);
  return names.length ? names.join(" + ") : undefined;
}

export function HandsTable({
  data,
  rows,
  caption,
  showHands,
}: {
  data: ComparisonDto;
  rows: readonly Row[];
  caption: string;
  /** Say under each area name how many different hands hold it. */
  showHands: boolean;
}) {
  const { provider, columns, parties } = data;
  const providerName = parties.find((p) => p.role === "provider")?.name ?? provider.name;
  const missing = data.service ? "not in this deployment model" : "not in this service";
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead className="sticky left-0 z-10 w-40 min-w-40 bg-slate-100 sm:w-56">Area</TableHead>
          {columns.map((column) => (
            <TableHead key={column.key} className="min-w-32 align-bottom">
              <Link
                href={columnHref(provider.slug, column)}
                className="text-slate-900 underline-offset-2 hover:underline"
              >
                {column.name}
              </Link>
              {column.note ? <div className="font-normal text-slate-700">{column.note}</div> : null}
              <div className="font-normal text-slate-700">
                {providerName} alone: {column.providerCount} of {column.areaCount}{" "}
                {column.areaCount === 1 ? "area" : "areas"}
              </div>
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableRowHeader className="sticky left-0 z-10 w-40 min-w-40 bg-white sm:w-56">
              <span className="block">{row.name}</span>
              {showHands ? (
                <span className="mt-0.5 block text-xs font-normal text-slate-700">
                  Changes hands: held {row.distinctHands} different ways
                </span>
              ) : null}
            </TableRowHeader>
            {row.cells.map((cell, i) => {
              const column = columns[i]!;
              return (
                <TableCell key={column.key}>
                  {cell ? (
                    <Link
                      href={cellHref(provider.slug, column, cell)}
                      className="inline-block max-w-56 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
                    >
                      <span className="sr-only">
                        {cell.name} in {column.name}:{" "}
                      </span>
                      <AssignmentBadge assignment={cell.assignment} detail={partyDetail(row, cell, parties)} />
                    </Link>
                  ) : (
                    <span className="text-slate-600">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{missing}</span>
                    </span>
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
