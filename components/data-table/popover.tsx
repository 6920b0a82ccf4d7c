"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * Disclosure-style popover: a toggle button (aria-expanded / aria-controls) and a panel that follows it
 * in the DOM, so Tab moves straight into it. Closes on Escape (focus returns to the button), on a click
 * outside, and when focus leaves the whole widget.
 */
export function Popover({
  label,
  buttonClassName,
  panelClassName = "",
  align = "start",
  children,
}: {
  /** Button content. */
  label: ReactNode;
  buttonClassName: string;
  panelClassName?: string;
  align?: "start" | "end";
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Subscribes to document events only while open (not state syncing).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName}
      >
        {label}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-30 mt-1 min-w-56 rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-lg ${
          align === "end" ? "right-0" : "left-0"
        } ${panelClassName}`}
      >
        {children}
      </div>
    </div>
  );
}
