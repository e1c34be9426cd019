import { describe, expect, it } from 'vitest';
import { choiceFor, isUnitsPerQuantity, withChoice, withSettings } from '../../renderer/src/features/import/import-choices';
import { importStep, rowText } from '../../renderer/src/features/import/import-view-model';
import { ENTRY_FILTERS, filterCount } from '../../renderer/src/features/entries/entry-filters';
import type { ImportPreviewResult } from '../../renderer/src/workers/engine-protocol';

describe('the import wizard\'s words and choices', () => {
  it('marks rows as OK, left out or noted', () => {
    expect(rowText({ line: 2, cells: [], issues: [], warnings: [] })).toBe('OK');
    expect(rowText({ line: 3, cells: [], issues: ['Date: "x" is not a date'], warnings: ['note'] })).toBe('Left out: Date: "x" is not a date · Note: note');
  });

  it('keeps one choice per file and one settings entry per profile', () => {
    let choices = withChoice({ files: [] }, { file: 'a.csv', profileId: 'connectwise', columns: [] });
    choices = withSettings(choices, { profileId: 'connectwise', dateFormat: 'MM/DD/YYYY', unitProducts: null });
    choices = withChoice(choices, { file: 'a.csv', profileId: 'autotask', columns: [] });
    choices = withSettings(choices, { profileId: 'connectwise', dateFormat: 'DD/MM/YYYY', unitProducts: null });
    expect(choices.files).toEqual([{ file: 'a.csv', profileId: 'autotask', columns: [] }]);
    expect(choices.settings).toEqual([{ profileId: 'connectwise', dateFormat: 'DD/MM/YYYY', unitProducts: null }]);
    expect(choiceFor(choices, 'b.csv')).toEqual({ file: 'b.csv', profileId: null, columns: [] });
  });

  it('accepts positive decimals as hours per product', () => {
    expect(['10', '2.5', '0.25'].map(isUnitsPerQuantity)).toEqual([true, true, true]);
    expect(['0', '0.0', '-1', 'ten', '1,5', ''].map(isUnitsPerQuantity)).toEqual([false, false, false, false, false, false]);
  });

  it('moves through the four steps', () => {
    const preview = { plan: null } as unknown as ImportPreviewResult;
    expect([importStep(0, null), importStep(2, null), importStep(2, preview), importStep(2, { ...preview, plan: {} } as ImportPreviewResult)]).toEqual([0, 1, 2, 3]);
  });

  it('counts the entries behind each quick filter', () => {
    const counts = { all: 23, exceptions: 12, unmatched: 5, not_covered: 4, held: 3, overage: 3, applied: 8 };
    expect(ENTRY_FILTERS.map((filter) => [filter.label, filterCount(filter, counts)])).toEqual([
      ['All', 23], ['Exceptions', 12], ['Unmatched', 5], ['Not covered', 4], ['Held', 3], ['Overage', 3], ['Applied', 8],
    ]);
    expect(filterCount(ENTRY_FILTERS[0]!, null)).toBeNull();
  });
});
