// What publishing the draft changes for readers: the draft against the current version, as the
// version pages show diffs. Server-rendered, handed to the publish form's confirmation step.
import { DiffView } from "@/components/versions/diff-view";
import type { ProviderDiff } from "@/lib/model/diff";
import { plural } from "@/lib/format";
import type { ProviderDocument } from "@/lib/validation/provider-document";

export function PublishReview({
  provider,
  published,
  draft,
}: {
  provider: string;
  /** The current version; null before the first publication. */
  published: { number: number; document: ProviderDocument; diff: ProviderDiff } | null;
  draft: ProviderDocument;
}) {
  if (!published) {
    const rows = draft.services.reduce((n, s) => n + s.areas.length, 0) + draft.crossCuttingAreas.length;
    return (
      <p className="mt-4 text-sm text-slate-700">
        This is the first version: readers will see the whole draft — {plural(draft.services.length, "service")} with{" "}
        {plural(rows, "responsibility area", "responsibility areas")}.
      </p>
    );
  }
  return (
    <div className="mt-4">
      <p className="mb-3 text-sm text-slate-700">Changes from version {published.number}, the one readers see now:</p>
      <DiffView
        diff={published.diff}
        before={published.document}
        after={draft}
        layout="inline"
        beforeLabel={`Version ${published.number}`}
        afterLabel="Draft"
        serviceHref={(service) => `/providers/${provider}/services/${service}?view=draft`}
      />
    </div>
  );
}
