import Link from "next/link";
import type { ReactNode } from "react";

/** A secondary action styled as a button. `raw` uses a plain <a> (API/JSON links leave the app). */
export function LinkButton({ href, children, raw = false }: { href: string; children: ReactNode; raw?: boolean }) {
  const className =
    "rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
  return raw ? (
    <a href={href} className={className}>
      {children}
    </a>
  ) : (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
