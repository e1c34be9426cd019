// The Audit screen's view model: the entries behind a what-if month or an
// explanation, and the unit products a consultant types.
import { describe, expect, it } from 'vitest';
import { namedDrillDown, parseUnitProducts, severityCounts } from '../../renderer/src/features/audit/audit-view';
import { runAudit } from '../../renderer/src/core/audit/run-audit';
import { loadMigration } from '../core/audit/migration-fixture';

const loaded = await loadMigration();
const audit = runAudit(loaded.input);

describe('audit drill-down', () => {
  it('lists the entries behind a what-if month, the one without an agreement included', () => {
    const february = audit.whatIf.pairs.find((pair) => pair.sourceId === '1002')?.months[1];
    const drill = namedDrillDown(loaded.input.entries, 'Birch in February', february?.entryIds ?? []);
    expect(drill.entries.map((entry) => [entry.id, entry.contractId])).toEqual([['T203', '1002'], ['T204', '1002'], ['T207', null]]);
  });

  it('lists the entries an explanation names, by date then id', () => {
    const elm = audit.variances.find((report) => report.contractId === '1006');
    const explanation = elm?.explanations[0];
    const drill = namedDrillDown(loaded.input.entries, '1006: Applied in entered order', explanation?.entryIds ?? []);
    expect(drill.entries.map((entry) => [entry.id, entry.date, entry.entered])).toEqual([
      ['T602', '2026-01-12', '2026-02-10T09:00:00'],
      ['T603', '2026-02-01', '2026-02-01T17:00:00'],
    ]);
  });
});

describe('unit products typed in the screen', () => {
  it('reads PRODUCT=UNITS separated by ; , or new lines', () => {
    expect(parseUnitProducts('BLOCK-10H=10; BLOCK-5H = 5\nX=1.5,')).toEqual({
      products: [{ product: 'BLOCK-10H', unitsPerQuantity: '10' }, { product: 'BLOCK-5H', unitsPerQuantity: '5' }, { product: 'X', unitsPerQuantity: '1.5' }],
      problems: [],
    });
  });

  it('names each part it does not understand', () => {
    expect(parseUnitProducts('BLOCK; =5; A=0; B=-1').problems).toEqual([
      '"BLOCK" is not PRODUCT=UNITS (for example BLOCK-10H=10)',
      '"=5" is not PRODUCT=UNITS (for example BLOCK-10H=10)',
      '"A=0" is not PRODUCT=UNITS (for example BLOCK-10H=10)',
      '"B=-1" is not PRODUCT=UNITS (for example BLOCK-10H=10)',
    ]);
  });
});

it('counts findings per severity', () => {
  expect(severityCounts(audit)).toEqual([
    { severity: 'high', count: 10 },
    { severity: 'medium', count: 6 },
    { severity: 'low', count: 2 },
  ]);
});
