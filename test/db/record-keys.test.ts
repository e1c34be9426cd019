import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, contentHash64, OccurrenceCounter, recordKey, idKeyPart, sha256Hex } from '../../renderer/src/db/record-keys';

describe('record keys', () => {
  it('canonical JSON does not depend on field order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
      const reversed = Object.fromEntries(Object.entries(object).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      expect(JSON.parse(canonicalJson(object))).toEqual(JSON.parse(JSON.stringify(object)));
    }));
  });

  it('identical rows get occurrence numbers 1, 2, 3; different rows different hashes', () => {
    const counter = new OccurrenceCounter();
    expect([counter.rowKeyPart('a'), counter.rowKeyPart('b'), counter.rowKeyPart('a'), counter.rowKeyPart('a')]).toEqual([
      `row:${contentHash64('a')}.1`, `row:${contentHash64('b')}.1`, `row:${contentHash64('a')}.2`, `row:${contentHash64('a')}.3`,
    ]);
    expect(contentHash64('a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the content hash has no collisions over 200,000 similar rows', () => {
    const hashes = new Set(Array.from({ length: 200_000 }, (_, i) => contentHash64(`["2026-01-01","C${i % 100}","Acme","T${i}",${i % 997}]`)));
    expect(hashes.size).toBe(200_000);
  });

  it('keys name source, type and id; an id may contain the separator', () => {
    expect(recordKey('connectwise', 'entry', idKeyPart('12|34'))).toBe('connectwise|entry|id:12|34');
  });

  it('SHA-256 of file bytes as hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
