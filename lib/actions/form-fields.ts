/** Reads a submitted form as strings: one value per field ("" when absent), or all of a field's values. */
export function readForm(form: FormData) {
  const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    text: (name: string): string => strings(name)[0] ?? "",
    list: (name: string): string[] => strings(name),
  };
}

/**
 * The fields whose text or file name holds a NUL character, which PostgreSQL cannot store (a lookup
 * or write with one fails in the database). Browsers send one only in a crafted request.
 */
export function fieldsWithNul(form: FormData): string[] {
  const names = new Set<string>();
  for (const [name, value] of form)
    if (name.includes("\0") || (typeof value === "string" ? value : value.name).includes("\0"))
      names.add(name.replace(/\0/g, ""));
  return [...names];
}
