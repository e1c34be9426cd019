// SPEC §10 "Order": `id` order is plain string order by code point. JavaScript
// compares UTF-16 code units, which disagrees for characters above U+FFFF.

/** Compares two strings by Unicode code point (`E10` before `E2`). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, so they must rank
// after U+E000–U+FFFF; shift the two ranges past each other.
function codePointRank(codeUnit: number): number {
  if (codeUnit >= 0xe000) return codeUnit - 0x800;
  if (codeUnit >= 0xd800) return codeUnit + 0x2000;
  return codeUnit;
}

/** Whether the items are in `id` order (code points); equal neighbours count as in order. */
function inIdOrder(items: readonly { readonly id: string }[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareCodePoints((items[i - 1] as { readonly id: string }).id, (items[i] as { readonly id: string }).id) > 0) return false;
  return true;
}

/** Sorts in place by `id` in code-point order; skips the sort when already in order (exports usually are). */
export function sortById<T extends { readonly id: string }>(items: T[]): T[] {
  return inIdOrder(items) ? items : items.sort((a, b) => compareCodePoints(a.id, b.id));
}

// A portfolio repeats a few hundred role, work-type and customer names a million
// times; remembering their normal form saves two string copies per lookup.
const normalised = new Map<string, string>();
const NORMALISED_CACHE_LIMIT = 50_000;

/** Normal form for names that match case-insensitively, trimmed (SPEC §4). */
export function normaliseName(text: string): string {
  let name = normalised.get(text);
  if (name === undefined) {
    if (normalised.size >= NORMALISED_CACHE_LIMIT) normalised.clear();
    name = text.trim().toLowerCase();
    normalised.set(text, name);
  }
  return name;
}
