// Addresses of single matrix rows, so a search hit (or any other link) can open the page at the row.
// Pure: server code builds links with it; the matrix names its rows with areaAnchor() (area-text.ts).
import { areaAnchor } from "@/lib/model/area-text";

/** The `id` of a service area's row on its service page: `area-<key>` (keys are slugs). */
export function areaAnchorId(areaKey: string): string {
  return areaAnchor({ key: areaKey });
}

const segment = encodeURIComponent;

export function providerHref(provider: string): string {
  return `/providers/${segment(provider)}`;
}

export function serviceHref(provider: string, service: string): string {
  return `${providerHref(provider)}/services/${segment(service)}`;
}

/**
 * The page and row of an area: a service's area on its service page (`#area-<key>`); a cross-cutting
 * area (`service` null) on the provider's page (`#cross-cutting-<key>`).
 */
export function areaHref(options: { provider: string; service: string | null; area: string }): string {
  if (options.service === null)
    return `${providerHref(options.provider)}#${segment(areaAnchor({ key: options.area, everyService: true }))}`;
  return `${serviceHref(options.provider, options.service)}#${segment(areaAnchorId(options.area))}`;
}
