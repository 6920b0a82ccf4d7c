import type { ReactNode } from "react";

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div className={`rounded-xl border border-slate-200 bg-white shadow-sm print:shadow-none ${className}`}>
      {children}
    </div>
  );
}

export function Section({
  title,
  id,
  description,
  actions,
  children,
}: {
  title: string;
  id: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      {/* In print, a heading and its description never end a page: they move on with what they introduce. */}
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2 print:break-after-avoid">
        <div>
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
