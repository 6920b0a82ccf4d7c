// The one table markup of the portal: a bordered scroll box, a caption for screen readers, a shaded
// header row and evenly padded cells. Every part takes `className`; a class given there wins over
// the default it conflicts with (tailwind-merge). Server-safe: no hooks, no client code.
import type { ComponentProps, ReactNode } from "react";
import { twMerge } from "tailwind-merge";

const join = (...classes: (string | false | null | undefined)[]) => twMerge(classes.filter(Boolean).join(" "));

// On narrow screens a `cards` table shows each row as a card: cells stack, each under the `label` its
// TableCell was given (the same markup, so nothing is duplicated and nothing sits off-screen).
const cardFrame = "narrow:overflow-visible narrow:border-0 narrow:bg-transparent narrow:shadow-none";
const cardTable =
  "narrow:block narrow:[&_thead]:hidden narrow:[&_tbody]:block narrow:[&_tbody]:divide-y-0 " +
  "narrow:[&_tbody>tr]:mb-3 narrow:[&_tbody>tr]:block narrow:[&_tbody>tr]:rounded-lg narrow:[&_tbody>tr]:border " +
  "narrow:[&_tbody>tr]:border-slate-200 narrow:[&_tbody>tr]:bg-white narrow:[&_tbody>tr]:px-3 narrow:[&_tbody>tr]:py-2 " +
  "narrow:[&_tbody>tr]:shadow-xs narrow:[&_td]:block narrow:[&_td]:px-0 narrow:[&_td]:py-1 narrow:[&_th]:block " +
  "narrow:[&_th]:px-0 narrow:[&_th]:py-1 narrow:[&_td]:max-w-none";

/** The scroll box and the table. `tone="danger"` frames a table of problems. */
export function Table({
  caption,
  captionVisible = false,
  tone = "plain",
  cards = false,
  frameClassName,
  className,
  children,
  ...props
}: ComponentProps<"table"> & {
  caption?: ReactNode;
  /** Captions are read by screen readers; show them too when the table has no heading of its own. */
  captionVisible?: boolean;
  tone?: "plain" | "danger";
  /** Rows become cards on narrow screens (give each TableCell its `label`). */
  cards?: boolean;
  frameClassName?: string;
}) {
  return (
    <div
      className={join(
        "relative overflow-x-auto rounded-lg border bg-white shadow-xs print:overflow-visible print:shadow-none",
        tone === "danger" ? "border-red-200" : "border-slate-200",
        cards && cardFrame,
        frameClassName,
      )}
    >
      <table className={join("w-full text-left text-sm", cards && cardTable, className)} {...props}>
        {caption ? (
          <caption className={captionVisible ? "px-3 py-2 text-left text-sm font-medium text-slate-800" : "sr-only"}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={join("bg-slate-100 text-xs font-semibold text-slate-700", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={join("divide-y divide-slate-100", className)} {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** A column header. */
export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={join("px-3 py-2 align-bottom", className)} {...props} />;
}

/** The cell that names its row (read out before each cell of the row). */
export function TableRowHeader({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="row"
      className={join("px-3 py-2 text-left align-top font-medium text-slate-900", className)}
      {...props}
    />
  );
}

/** A cell; in a `cards` table its `label` (the column's name) heads it on narrow screens. */
export function TableCell({ className, label, children, ...props }: ComponentProps<"td"> & { label?: string }) {
  return (
    <td className={join("px-3 py-2 align-top", className)} {...props}>
      {label ? <span className="hidden text-xs font-semibold text-slate-600 narrow:block">{label}</span> : null}
      {children}
    </td>
  );
}
