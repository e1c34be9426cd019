import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../renderer/src/core/model';
import { isoOf } from '../../renderer/src/core/dates';
import { contractIdAt, encodeEntryChunks, entryAt, type EntryRows } from '../../renderer/src/db/entry-chunks';

const allOf = (entries: readonly Entry[]): EntryRows => ({ entries, keyParts: null, positions: entries.map((_, i) => i) });

const text = fc.oneof(fc.constantFrom('', '__proto__', 'constructor', 'prototype', 'Acme', '00123'), fc.string());
const entryArb: fc.Arbitrary<Entry> = fc.record({
  id: text,
  date: fc.integer({ min: -1000, max: 40000 }).map(isoOf),
  contractId: fc.option(text, { nil: null }),
  customer: text, ticket: text, member: text, workRole: text, workType: text,
  // Mostly within Int32 (every import's hours are); now and then beyond it, which a chunk must keep exactly too.
  hours: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) }),
  billable: fc.constantFrom('billable' as const, 'no_charge' as const, 'do_not_bill' as const),
  amount: fc.option(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { nil: null }),
  notes: text,
  entered: fc.constantFrom('2026-01-02', '2026-01-02T08:30'),
}, { requiredKeys: ['id', 'date', 'contractId', 'customer', 'ticket', 'member', 'workRole', 'workType', 'hours', 'billable', 'amount', 'notes'] });

describe('columnar entry chunks', () => {
  it('encode then decode gives every entry back exactly (prototype-named text and entry times included)', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 40 }), fc.integer({ min: 1, max: 16 }), (entries, chunkRows) => {
      const chunks = encodeEntryChunks(allOf(entries), 7, 'canonical', chunkRows);
      const back = chunks.flatMap((chunk) => Array.from({ length: chunk.count }, (_, row) => entryAt(chunk, row)));
      // Stored grouped by contract, contracts in order of first appearance, file order within each.
      const contracts = [...new Set(entries.map((e) => e.contractId))];
      const grouped = contracts.flatMap((id) => entries.filter((e) => e.contractId === id));
      expect(back).toEqual(grouped);
      expect(chunks.flatMap((chunk) => Array.from({ length: chunk.count }, (_, row) => contractIdAt(chunk, row)))).toEqual(grouped.map((e) => e.contractId));
      expect(chunks.every((chunk) => chunk.batchId === 7 && chunk.count <= chunkRows)).toBe(true);
    }));
  });

  it('repeated text is stored once per chunk', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i), date: '2026-01-01', contractId: `C${i % 4}`, customer: 'Acme', ticket: '', member: i % 2 ? 'ann' : 'bob',
      workRole: 'eng', workType: 'remote', hours: 25, billable: 'billable' as const, amount: null, notes: '',
    }));
    const [chunk] = encodeEntryChunks(allOf(entries), 1, 'canonical');
    expect(chunk?.contractDict).toEqual(['C0', 'C1', 'C2', 'C3']);
    expect(Array.from(chunk?.contract ?? []).slice(248, 252)).toEqual([0, 0, 1, 1]);
    expect(chunk?.memberDict).toEqual(['bob', 'ann']);
    expect(chunk?.customerDict).toEqual(['Acme']);
  });

  it('stores each column in the fewest bytes that hold it exactly (the read of a million entries is the opening\'s first wait)', () => {
    const entry = (id: string, hours: number): Entry => ({
      id, date: '2026-01-01', contractId: null, customer: 'Acme', ticket: '', member: 'ann', workRole: 'eng', workType: 'remote', hours, billable: 'billable', amount: null, notes: '',
    });
    const [usual] = encodeEntryChunks(allOf([entry('a', 125), entry('b', -2_000_000_000)]), 1, 'canonical');
    for (const column of ['contract', 'customer', 'member', 'workRole', 'workType', 'ticket', 'notes'] as const) expect(usual?.[column]).toBeInstanceOf(Int16Array);
    expect(usual?.hours).toBeInstanceOf(Int32Array);
    // Hours an Int32 cannot hold keep the whole chunk's hours in Float64, exact.
    const [large] = encodeEntryChunks(allOf([entry('a', 125), entry('b', 2 ** 31)]), 1, 'canonical');
    expect(large?.hours).toBeInstanceOf(Float64Array);
    expect(large && entryAt(large, 1).hours).toBe(2 ** 31);
  });

  it('reads chunks stored before the columns were narrowed (Int32 codes, Float64 hours) the same', () => {
    const entries = [{ ...{ id: 'x', date: '2026-01-01', contractId: 'C1', customer: 'Acme', ticket: 'T1', member: 'ann', workRole: 'eng', workType: 'remote' }, hours: 125, billable: 'billable' as const, amount: null, notes: 'n' }];
    const [chunk] = encodeEntryChunks(allOf(entries), 1, 'canonical');
    if (chunk === undefined) throw new Error('no chunk');
    const wide = (codes: Int16Array | Int32Array) => Int32Array.from(codes);
    const stored = { ...chunk, hours: Float64Array.from(chunk.hours), contract: wide(chunk.contract), customer: wide(chunk.customer), member: wide(chunk.member), workRole: wide(chunk.workRole), workType: wide(chunk.workType), ticket: wide(chunk.ticket), notes: wide(chunk.notes) };
    expect(entryAt(stored, 0)).toEqual(entries[0]);
  });

  it('refuses chunk sizes the queries cannot address', () => {
    expect(() => encodeEntryChunks(allOf([]), 1, 'canonical', 20_000)).toThrow('chunk size out of range');
  });
});
