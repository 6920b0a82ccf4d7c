// Dates on admin pages are formatted on the server, in UTC, so every render and printout agrees.
const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(date: Date): string {
  return `${formatter.format(date)} UTC`;
}
