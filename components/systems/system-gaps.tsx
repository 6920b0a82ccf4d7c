// What the stack leaves open: third parties nobody is bound to, areas that name nobody, and areas
// handed to a bound service that none of its areas covers. Each links to the area it concerns.
import type { SystemGap } from "@/lib/model/system-resolution";
import type { LoadedTier } from "@/lib/systems/load-system-tiers";

export function SystemGaps({ gaps, tiers }: { gaps: SystemGap[]; tiers: LoadedTier[] }) {
  const input = (key: string) => tiers.find((t) => t.tier.key === key)?.input;
  const service = (key: string) => input(key)?.service.name ?? key;
  const areaName = (tier: string, key: string) =>
    [...(input(tier)?.service.areas ?? []), ...(input(tier)?.crossCuttingAreas ?? [])].find((a) => a.key === key)
      ?.name ?? key;
  return (
    <section aria-labelledby="gaps" className="mt-10">
      <h2 id="gaps" className="mb-3 text-xl font-semibold text-slate-900">
        Gaps {gaps.length ? <span className="text-base font-normal text-slate-600">({gaps.length})</span> : null}
      </h2>
      {gaps.length === 0 ? (
        <p className="text-slate-700">None: every duty in this stack has someone to carry it.</p>
      ) : (
        <ul className="space-y-2">
          {gaps.map((gap, i) => (
            <li key={i} className="rounded-md border-l-4 border-amber-600 bg-amber-50 py-2 pl-3 pr-2 text-slate-900">
              {gap.kind === "unbound-third-party" ? (
                <>
                  {service(gap.tier)} leaves {gap.areas.length === 1 ? "an area" : `${gap.areas.length} areas`} to{" "}
                  <strong>{gap.partyName}</strong>, which no service of this system is bound to:{" "}
                  {gap.areas.map((area, j) => (
                    <span key={area}>
                      {j > 0 ? ", " : ""}
                      <a href={`#area-${gap.tier}-${area}`} className="font-medium text-blue-800 hover:underline">
                        {areaName(gap.tier, area)}
                      </a>
                    </span>
                  ))}
                  .
                </>
              ) : gap.kind === "nobody" ? (
                <>
                  <a href={`#area-${gap.tier}-${gap.area}`} className="font-medium text-blue-800 hover:underline">
                    {gap.areaName}
                  </a>{" "}
                  in {service(gap.tier)} names nobody to carry it.
                </>
              ) : (
                <>
                  <a href={`#area-${gap.tier}-${gap.area}`} className="font-medium text-blue-800 hover:underline">
                    {gap.areaName}
                  </a>{" "}
                  in {service(gap.tier)} is handed to {service(gap.lowerTier)}, but no area of that service is named as
                  covering it.
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
