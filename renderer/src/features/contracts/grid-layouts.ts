// Saved column layouts of the contracts grid, kept in the store's settings as
// a list (layout names are typed by the clerk, so they never become object keys).
import type { JsonValue } from '../../db';

export const LAYOUTS_SETTING = 'contractsGridLayouts';

export interface SavedLayout {
  readonly name: string;
  /** AG Grid's column state, as JSON. */
  readonly columns: JsonValue;
}

/** The saved layouts, skipping anything malformed. */
export function parseLayouts(value: JsonValue | null | undefined): SavedLayout[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const record = item as { readonly [key: string]: JsonValue };
    return typeof record.name === 'string' && Array.isArray(record.columns) ? [{ name: record.name, columns: record.columns }] : [];
  });
}

/** The list with `layout` added, replacing one of the same name (names compared trimmed). */
export function withLayout(layouts: readonly SavedLayout[], layout: SavedLayout): SavedLayout[] {
  const name = layout.name.trim();
  return [...layouts.filter((existing) => existing.name !== name), { name, columns: layout.columns }].sort((a, b) => a.name.localeCompare(b.name));
}
