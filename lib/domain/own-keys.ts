// Keys that come from outside (paths, column names, query parameters) never reach an object's
// prototype: these three names are refused wherever such a key is used, and lookups read only an
// object's own properties.

/** Names that reach a prototype (or its constructor) when used as a property key. */
export const prototypeKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string | number): boolean {
  return typeof key === "string" && prototypeKeys.has(key);
}

/** `table[key]` when `key` is the table's own property; undefined for anything inherited. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
