import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueName } from '../../../main/cli/xlsx-output';

describe('workbook file names from customer names', () => {
  it.each([
    ['Acme Dental', 'Acme Dental'],
    ['Smith/Jones: CPAs', 'Smith_Jones_ CPAs'],
    ['a\\b|c?d*e<f>g"h', 'a_b_c_d_e_f_g_h'],
    ['  ..hidden and trailing dots...  ', 'hidden and trailing dots...'],
    ['Initech, Inc.', 'Initech, Inc.'],
    ['CON', '_CON'],
    ['lpt1', '_lpt1'],
    ['-rf', '_rf'],
    ['tab\there\nnewline', 'tab here newline'],
    ['', 'customer'],
    ['. .', 'customer'],
    ['Müller Zahnärzte GmbH', 'Müller Zahnärzte GmbH'],
    ['=Calc Consulting', '=Calc Consulting'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('keeps names short', () => {
    expect([...safeFileName('x'.repeat(500))]).toHaveLength(100);
  });

  it('makes names unique the way case-insensitive file systems compare them', () => {
    const taken = new Set<string>();
    expect(['Acme', 'ACME', 'acme', 'Acme (2)'].map((name) => uniqueName(name, taken))).toEqual(['Acme', 'ACME (2)', 'acme (3)', 'Acme (2) (2)']);
  });
});
