// What every export says about itself, as label/value pairs: which provider, version, hash and
// source it holds, and which deployment model and filters shaped it (covers of PDF and XLSX).
import { areaCounts, describeFilters, isFiltered, type ProviderExport } from "./export-model";

export function coverLines(data: ProviderExport): [label: string, value: string][] {
  const { provider, version, scope } = data;
  const { shown, total } = areaCounts(data);
  const models = [...new Set(data.services.flatMap((s) => (s.model ? [s.model.name] : [])))];
  const lines: [string, string][] = [
    ["Provider", provider.name],
    ["Services", data.services.map((s) => s.name).join(", ") || "None visible to you"],
    ["Version", `${version.number}, published ${version.publishedAt.slice(0, 10)} (UTC)`],
    ["Content hash (SHA-256)", version.contentHash],
    ["Source", `${provider.source.title} (${provider.source.document})`],
  ];
  if (provider.source.url) lines.push(["Source address", provider.source.url]);
  if (provider.source.retrieved) lines.push(["Source retrieved", provider.source.retrieved]);
  if (scope.model) lines.push(["Deployment model", models.join(", ") || scope.model]);
  for (const [label, value] of describeFilters(data)) lines.push([`Filter: ${label.toLowerCase()}`, value]);
  lines.push(["Areas", isFiltered(scope.filters) ? `${shown} of ${total}` : String(total)]);
  return lines;
}
