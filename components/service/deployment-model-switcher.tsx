import Link from "next/link";
import { deploymentModelTree } from "@/lib/model/deployment-model";
import type { DeploymentModelDto } from "@/lib/validation/api";

/** Links, not client state: every model has a shareable, printable URL (?model=key). */
export function DeploymentModelSwitcher({
  basePath,
  models,
  selected,
}: {
  basePath: string;
  models: readonly DeploymentModelDto[];
  selected: string | null;
}) {
  const groups = deploymentModelTree(models);
  const chip = (key: string | null, label: string, variant = false, open = false) => {
    const current = selected === key;
    return (
      <Link
        href={key ? `${basePath}?model=${encodeURIComponent(key)}#deployment-models` : `${basePath}#deployment-models`}
        aria-current={current ? "true" : undefined}
        scroll={false}
        className={`inline-flex items-center rounded-full border px-3 py-1 text-sm transition ${
          current
            ? // A dark fill may not print (white text would vanish): on paper the chosen chip is dark text
              // in a heavy border, and says "Selected".
              "border-slate-900 bg-slate-900 font-medium text-white print:border-2 print:bg-white print:font-semibold print:whitespace-nowrap print:text-slate-900"
            : "border-slate-300 bg-white text-slate-700 hover:border-slate-400 hover:bg-slate-50"
        } ${variant ? "text-xs" : ""}`}
      >
        {current ? <span className="sr-only print:not-sr-only print:mr-1">Selected: </span> : null}
        {label}
        {/* The source names the model but not how responsibility divides under it. */}
        {open ? <span className={`ml-1 ${current ? "" : "text-slate-500"}`}>· not stated</span> : null}
      </Link>
    );
  };
  return (
    <nav aria-label="Deployment models" className="space-y-3">
      <div>{chip(null, "Default (all models)")}</div>
      <ul className="grid gap-3 md:grid-cols-3">
        {groups.map((group) => (
          <li key={group.model.key} className="rounded-lg border border-slate-200 bg-white p-3">
            {chip(group.model.key, group.model.name, false, group.model.open)}
            {group.variants.length > 0 ? (
              <ul
                className="mt-2 flex flex-wrap gap-2 border-l-2 border-slate-200 pl-3"
                aria-label={`${group.model.name} variants`}
              >
                {group.variants.map((v) => (
                  <li key={v.key}>{chip(v.key, v.name, true, v.open)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
