// Systems as cards: name linking to the system (under `base`), description, size and last change.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime, plural } from "@/lib/format";
import type { SystemSummary } from "@/lib/systems/list-systems";

export function SystemCards({
  systems,
  base,
  heading: Heading = "h2",
}: {
  systems: readonly SystemSummary[];
  base: string;
  /** The level of each system's name under the page's headings. */
  heading?: "h2" | "h3";
}) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {systems.map((system) => (
        <li key={system.slug}>
          <Card className="h-full p-5">
            <Heading className="font-semibold text-slate-900">
              <Link href={`${base}/${system.slug}`} className="hover:underline">
                {system.name}
              </Link>
            </Heading>
            {system.description ? <p className="mt-1 text-sm text-slate-600">{system.description}</p> : null}
            <p className="mt-3 text-sm text-slate-600">
              {plural(system.tierCount, "service")} · changed {formatDateTime(system.updatedAt)}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
