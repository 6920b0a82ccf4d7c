"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The admin area's sub-navigation; the layout passes only the sections the actor may use. */
export function AdminNav({ items }: { items: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="no-print mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={pathname === item.href ? "page" : current ? "true" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 font-medium ${
                  current
                    ? "border-slate-900 text-slate-900"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
