import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CELL_CHARS, neutraliseText, safeCellText, unneutraliseText } from '../../../renderer/src/io/workbook/neutralise';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

describe('neutraliseText (OWASP formula injection)', () => {
  it.each(TRIGGERS)('prefixes an apostrophe to text starting with %j', (trigger) => {
    expect(neutraliseText(`${trigger}SUM(A1)`)).toBe(`'${trigger}SUM(A1)`);
  });

  it.each(['=HYPERLINK("http://x","y")', '@SUM(A1)', '+1', '-2+3', '  =1+1'])('neutralises the note %j', (note) => {
    expect(neutraliseText(note)).toBe(`'${note}`);
  });

  it.each(['e-mail', '00123', 'Printer fixed', "O'Brien", "'quoted", '', '1-2'])('leaves %j alone', (value) => {
    expect(neutraliseText(value)).toBe(value);
  });

  it('escapes an apostrophe that would otherwise hide a trigger, so the original comes back', () => {
    expect(neutraliseText("'=1")).toBe("''=1");
    expect(unneutraliseText(neutraliseText("'=1"))).toBe("'=1");
  });

  it('property: the cell never starts (after spaces) with a trigger, and the original comes back', () => {
    const triggerFirst = fc.tuple(fc.constantFrom(...TRIGGERS, "'", ' '), fc.string()).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(fc.string(), triggerFirst), (value) => {
        const cell = neutraliseText(value);
        expect(TRIGGERS.includes(cell.replace(/^ */u, '').charAt(0))).toBe(false);
        expect(unneutraliseText(cell)).toBe(value);
      }),
    );
  });
});

describe('safeCellText', () => {
  it('cuts text longer than a spreadsheet cell holds, with a visible mark', () => {
    const cell = safeCellText('x'.repeat(MAX_CELL_CHARS + 10));
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cell.endsWith('[cut: longer than a spreadsheet cell allows]')).toBe(true);
  });

  it('replaces characters XML cannot carry, keeps tabs and line breaks inside text', () => {
    expect(safeCellText('a\u0001b\u0000c\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne');
    expect(safeCellText('lone \uD800 half')).toBe('lone \uFFFD half');
    expect(safeCellText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('neutralises after cleaning', () => {
    expect(safeCellText('=1+1')).toBe("'=1+1");
  });
});
