// What the stack diagram's boxes mean, in the source's words and ours: each layer's and component's
// description, and our interpretation where the source was read rather than copied.
import type { LayerDto } from "@/lib/validation/api";

type Described = { key: string; name: string; description: string | null; interpretation: string | null };

const hasText = (item: Described) => Boolean(item.description || item.interpretation);

function Explanation({ item }: { item: Described }) {
  return (
    <dd className="mt-0.5 space-y-1 text-sm text-slate-700">
      {item.description ? <p>{item.description}</p> : null}
      {item.interpretation ? (
        <p className="text-slate-600">
          <span className="font-medium">Our reading: </span>
          {item.interpretation}
        </p>
      ) : null}
    </dd>
  );
}

/** Notes on the layers and components, top of the stack first; nothing when none has any text. */
export function StackNotes({ layers }: { layers: readonly LayerDto[] }) {
  const described = [...layers]
    .sort((a, b) => b.position - a.position)
    .filter((layer) => hasText(layer) || layer.components.some(hasText));
  if (described.length === 0) return null;
  return (
    <details className="mt-4 border-t border-slate-200 pt-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">What the layers mean</summary>
      <dl className="mt-2 space-y-3">
        {described.map((layer) => (
          <div key={layer.key}>
            <dt className="font-medium text-slate-900">{layer.name}</dt>
            {hasText(layer) ? <Explanation item={layer} /> : null}
            {layer.components.some(hasText) ? (
              <dd>
                <dl className="mt-1 space-y-2 border-l-2 border-slate-200 pl-3">
                  {layer.components.filter(hasText).map((component) => (
                    <div key={component.key}>
                      <dt className="text-sm font-medium text-slate-800">{component.name}</dt>
                      <Explanation item={component} />
                    </div>
                  ))}
                </dl>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </details>
  );
}
