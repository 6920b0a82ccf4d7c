"use client";
// One Export button per view: a disclosure listing the formats that fit, each a plain download link
// (one click, keyboard operable, works without script once open). The server builds the file for
// exactly this view: the visibility rules, version, deployment model and filters in the address.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { ExportFormatChoice } from "@/lib/exports/export-formats";

export function ExportMenu({
  href,
  params,
  formats,
  note,
}: {
  /** The export endpoint, e.g. /api/v1/providers/danubedata/export. */
  href: string;
  /** Query parameters naming the view (service, version, model, filters); empty values are left out. */
  params: Record<string, string | undefined>;
  formats: readonly ExportFormatChoice[];
  /** Said above the links, e.g. which filters the files keep. */
  note?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const query = (format: string) => {
    const search = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    return `${href}?${search.toString()}`;
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="no-print relative" onKeyDown={closeOnEscape}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-800 shadow-xs hover:bg-slate-50"
      >
        Export
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div
        id={listId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      >
        {note ? <p className="px-2 pb-2 text-xs text-slate-600">{note}</p> : null}
        <ul aria-label="Export formats" className="space-y-0.5">
          {formats.map((option) => (
            <li key={option.format}>
              <a
                href={query(option.format)}
                download
                onClick={() => setOpen(false)}
                className="block rounded-md px-2 py-1.5 text-sm text-slate-900 hover:bg-slate-100 focus-visible:bg-slate-100"
              >
                <span className="font-medium">{option.label}</span>
                <span className="block text-xs text-slate-600">{option.description}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
