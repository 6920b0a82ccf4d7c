// After every test, no built-in prototype may have gained (or lost) a property: a change path, an
// import column or a merge that writes onto a prototype fails the test that caused it, not some
// later test far away. Runs in the unit and integration projects.
import { afterEach } from "vitest";

const guarded = {
  "Object.prototype": Object.prototype,
  "Array.prototype": Array.prototype,
  "Function.prototype": Function.prototype,
  "String.prototype": String.prototype,
  "Number.prototype": Number.prototype,
  "Boolean.prototype": Boolean.prototype,
};

const keysOf = (target: object) => Reflect.ownKeys(target).map(String).sort();
const baseline = new Map(Object.entries(guarded).map(([name, target]) => [name, keysOf(target)]));

/** What differs from the start of the test file: "Object.prototype gained x". */
export function prototypeChanges(): string[] {
  return Object.entries(guarded).flatMap(([name, target]) => {
    const before = new Set(baseline.get(name));
    const now = keysOf(target);
    const gained = now.filter((key) => !before.has(key)).map((key) => `${name} gained "${key}"`);
    const lost = [...before].filter((key) => !now.includes(key)).map((key) => `${name} lost "${key}"`);
    return [...gained, ...lost];
  });
}

afterEach(() => {
  const changes = prototypeChanges();
  if (changes.length === 0) return;
  // Undo, so one polluting test does not fail every test after it.
  for (const [name, target] of Object.entries(guarded)) {
    const before = new Set(baseline.get(name));
    for (const key of Reflect.ownKeys(target))
      if (!before.has(String(key))) delete (target as Record<PropertyKey, unknown>)[key];
  }
  throw new Error(`A built-in prototype was changed:\n${changes.join("\n")}`);
});
