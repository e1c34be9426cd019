// Bytes to text for CSV import (research/reliability.md IMP-6): a BOM wins,
// then strict UTF-8, and only then Windows-1252, which the caller shows as a
// preview because it is a guess. Runs in a browser worker and in Node.

export type TextEncoding = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly encoding: TextEncoding; readonly message: string };

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node ≥ 20.18.3 decodes
// that range as C1 controls (nodejs/node#56542), so we map it ourselves; the
// five bytes Windows leaves undefined decode to their C1 code point, as WHATWG does.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes; every byte maps to one character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as number) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The bytes decoded strictly; null when they are not valid in `label`. */
export function strictDecode(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was sniffed and skipped by the caller.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Detects the encoding (UTF-8 BOM, UTF-16 BOMs, strict UTF-8, else Windows-1252) and decodes without the BOM. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (hasUtf8Bom(bytes)) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === null
      ? { ok: false, encoding: 'utf-8-bom', message: 'the file starts with a UTF-8 marker but contains bytes that are not UTF-8' }
      : { ok: true, text, encoding: 'utf-8-bom' };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strictDecode(encoding, bytes.subarray(2));
    return text === null
      ? { ok: false, encoding, message: `the file starts with a ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} marker but is not valid UTF-16` }
      : { ok: true, text, encoding };
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
