import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, decodeWindows1252 } from '../../../renderer/src/io/csv/decode-text';

const SAMPLE = 'customer,notes\nCafé Müller,€ 12 – it’s “done”\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
}

describe('decodeText picks the encoding in the order BOM, strict UTF-8, Windows-1252', () => {
  it.each([
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]), 'utf-8-bom'],
    ['UTF-8 without BOM', new TextEncoder().encode(SAMPLE), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(SAMPLE, false), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(SAMPLE, true), 'utf-16be'],
    ['Windows-1252', Uint8Array.from(iconv.encode(SAMPLE, 'windows-1252')), 'windows-1252'],
  ])('%s decodes to the same text without a BOM', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text: SAMPLE, encoding });
  });

  it('decodes 0x80 as € and 0x92 as ’ in Windows-1252 (Node’s own decoder gets these wrong)', () => {
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0x92, 0x20, 0xe9, 0xfc]))).toEqual({ ok: true, text: '€ ’ éü', encoding: 'windows-1252' });
  });

  it('agrees with iconv-lite on every byte Windows-1252 defines', () => {
    const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((byte) => !undefinedBytes.has(byte));
    expect(decodeWindows1252(bytes)).toBe(iconv.decode(Buffer.from(bytes), 'windows-1252'));
  });

  it('maps the five bytes Windows-1252 leaves undefined to their C1 code points, as browsers do', () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('never turns invalid UTF-8 into replacement characters', () => {
    const result = decodeText(Uint8Array.from([0x61, 0xc3, 0x28, 0x62]));
    expect(result).toEqual({ ok: true, text: 'aÃ(b', encoding: 'windows-1252' });
  });

  it('reports a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const result = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff]));
    expect(result.ok).toBe(false);
    expect(result.encoding).toBe('utf-8-bom');
  });

  it('reports UTF-16 with a BOM but an odd number of bytes', () => {
    const result = decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x62]));
    expect(result).toMatchObject({ ok: false, encoding: 'utf-16le' });
  });

  it('decodes empty input as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});
