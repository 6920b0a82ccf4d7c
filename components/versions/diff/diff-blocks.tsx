// Headed sections of the diff page (h2) and of a changed service (h4).
import type { ReactNode } from "react";

export function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SubBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h4 className="mb-2 text-sm font-semibold text-slate-700">{title}</h4>
      {children}
    </div>
  );
}
