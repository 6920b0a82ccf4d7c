// Text formatting shared by pages, components and server actions. Pure and dependency-free, so
// client components may use it too.

const toMinutes = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const toSeconds = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** "2 Dec 2026, 14:05 UTC": always UTC, so every render, printout and export agrees. */
export function formatDateTime(date: Date, options: { seconds?: boolean } = {}): string {
  return `${(options.seconds ? toSeconds : toMinutes).format(date)} UTC`;
}

/** "1 row", "3 rows"; irregular plurals name their own ("2 duties"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const counter = new Intl.NumberFormat("en-GB");

/** "12,345". */
export function formatCount(count: number): string {
  return counter.format(count);
}

/** The text cut at a word boundary to about `length` characters, with an ellipsis when cut. */
export function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
