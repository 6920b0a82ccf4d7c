/** Reads a submitted form as strings: one value per field ("" when absent), or all of a field's values. */
export function readForm(form: FormData) {
  const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    text: (name: string): string => strings(name)[0] ?? "",
    list: (name: string): string[] => strings(name),
  };
}
