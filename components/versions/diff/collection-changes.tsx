// Any other collection (parties, sections, layers, …): items added, removed, changed or moved.
import type { CollectionDiff } from "@/lib/model/diff";
import type { DiffContext } from "./diff-context";
import { Fields } from "./field-changes";
import { ItemCard, Moves } from "./item-cards";

export function CollectionChanges({ diff, noun, ctx }: { diff: CollectionDiff; noun: string; ctx: DiffContext }) {
  return (
    <ul className="space-y-2">
      {diff.added.map((item) => (
        <ItemCard key={`a-${item.position}`} kind="added" title={item.label} />
      ))}
      {diff.removed.map((item) => (
        <ItemCard key={`r-${item.position}`} kind="removed" title={item.label} />
      ))}
      {diff.changed.map((item) => (
        <ItemCard key={`c-${item.position}`} kind="changed" title={item.label}>
          <Fields fields={item.fields} ctx={ctx} />
        </ItemCard>
      ))}
      <Moves moves={diff.moved} noun={noun} />
    </ul>
  );
}
