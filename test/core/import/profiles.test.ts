import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, specsOf } from '../../../renderer/src/core/import/profiles/registry';
import { validateProfile } from '../../../renderer/src/core/import/profiles/validate-profile';
import { detectProfile } from '../../../renderer/src/core/import/detect-profile';
import { CONNECTWISE_PROFILE } from '../../../renderer/src/core/import/profiles/connectwise';

describe('profiles are data', () => {
  it('every built-in survives JSON and validation unchanged', () => {
    for (const profile of BUILTIN_PROFILES) {
      const check = validateProfile(JSON.parse(JSON.stringify(profile)));
      expect(check.ok && check.profile).toEqual(profile);
    }
  });

  it('every signature names a field of its record spec', () => {
    for (const profile of BUILTIN_PROFILES) {
      for (const spec of specsOf(profile.system)) {
        const fields = spec.fields.map((field) => field.field);
        expect(spec.signature.filter((field) => !fields.includes(field))).toEqual([]);
      }
    }
  });

  it('lists every problem of a bad saved profile in words a clerk can act on', () => {
    const check = validateProfile({
      id: '',
      label: 'x',
      system: 'connectwise',
      version: 2,
      dateFormat: 'DD/MM/YY',
      decimal: ',',
      grouping: ',',
      durationUnit: 'days',
      utcOffsetMinutes: 5000,
      records: [{ record: 'agreement', columns: [{ field: 'nope', columns: ['X'] }] }, { record: 'invoice', columns: [] }],
      valueMaps: [{ field: 'billableOption', values: [['Billable']] }],
      unitProducts: [{ product: 'BLOCK', unitsPerQuantity: '-1' }],
    });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      'id must be a short non-empty name',
      'version must be 1',
      expect.stringMatching(/^dateFormat must be one of/),
      'the decimal and grouping separators must differ',
      expect.stringMatching(/^durationUnit must be one of/),
      'utcOffsetMinutes must be a whole number of minutes between -840 and 840',
      'records[0] (agreement) maps a field it does not have: nope',
      expect.stringMatching(/^records\[1\] is not a connectwise record/),
      'valueMaps[0] must be {field, values: [[source, meaning], …]}',
      'unitProducts[0] must be {product, unitsPerQuantity} with a positive decimal such as "10"',
    ]);
    expect(validateProfile('nope')).toEqual({ ok: false, problems: ['a profile must be a JSON object'] });
  });
});

describe('detection from headers', () => {
  const table = (header: string[]) => ({ fileName: 'f.csv', header, rows: [] });

  it('recognises a ConnectWise time-entry list export with a confidence and the columns that decided it', () => {
    const detection = detectProfile(table(['Time Entry ID', 'Date', 'Member', 'Billable Hrs', 'Billable Option', 'Notes']), BUILTIN_PROFILES);
    expect(detection).toMatchObject({ profileId: 'connectwise', record: 'timeEntry', confidence: 1, overridden: false });
    expect(detection.reason).toMatch(/"Date", "Billable Hrs", "Billable Option", "Member"/);
  });

  it('prefers the canonical profile for SPEC headers and tells Autotask factors from rates', () => {
    expect(detectProfile(table(['id', 'customer', 'start', 'unit', 'allowance']), BUILTIN_PROFILES)).toMatchObject({ profileId: 'canonical', record: 'contracts' });
    expect(detectProfile(table(['id', 'contractID', 'roleID', 'blockHourMultiplier', 'contractHourlyRate']), BUILTIN_PROFILES)).toMatchObject({ profileId: 'autotask', record: 'blockHourFactor' });
    expect(detectProfile(table(['id', 'contractID', 'roleID', 'contractHourlyRate']), BUILTIN_PROFILES)).toMatchObject({ profileId: 'autotask', record: 'rate' });
  });

  it('refuses to guess from one matching column, and obeys an override', () => {
    expect(detectProfile(table(['Date', 'Amount']), BUILTIN_PROFILES)).toMatchObject({ profileId: null });
    expect(detectProfile(table(['Date', 'Amount']), BUILTIN_PROFILES, CONNECTWISE_PROFILE)).toMatchObject({ profileId: 'connectwise', overridden: true });
  });
});
