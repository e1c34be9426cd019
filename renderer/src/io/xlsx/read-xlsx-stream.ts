// Reads an .xlsx in one pass over its parts: each part is inflated once under
// the guard's caps and checks, and parsed with saxes as it is inflated, so a
// large export never sits in memory as a workbook model or as XML text.
// ExcelJS's WorkbookReader inflated every part a second time and built a cell
// object model, which capped a 100,000-row import near 25,000 rows/s. The
// whole file is in memory already, so a sheet stored before the shared
// strings (as Excel saves it) simply waits as its compressed bytes. Node only
// (native inflate); the browser uses readXlsxInMemory. Bad input is an issue,
// never a thrown exception.
import { inflateRawSync } from 'node:zlib';
import type { ImportIssue } from '../../core/import/import-issue';
import type { Table } from '../../core/import/table';
import { openXlsx, type GuardedZip, type GuardRefusal, type XlsxLimits, DEFAULT_XLSX_LIMITS } from './xlsx-guard';
import { nameSheets, refusedWorkbook, SheetTableBuilder, sheetFileName, unreadableWorkbook, type XlsxRead } from './sheet-table';
import { isRelationship, relationshipsPart, relationshipsReader, resolveTarget, sharedStringsReader, stylesReader, workbookReader, type Relationship } from './xlsx-workbook-parts';
import { sheetReader } from './xlsx-sheet-reader';
import { xmlSink, type XmlHandlers } from './xlsx-xml';

/** Node's zlib for the guard's inflating, capped so a lying part cannot balloon. */
export function inflateRawNatively(compressed: Uint8Array, maxBytes: number): Uint8Array<ArrayBuffer> | null {
  try {
    // One output buffer of the expected size: in 16 KB chunks zlib joins them at the end, twice the part in memory at once (a 42 MB sheet peaked 37 MB higher).
    const inflated = inflateRawSync(compressed, { maxOutputLength: maxBytes, chunkSize: Math.max(64, maxBytes) });
    return new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength);
  } catch {
    return null;
  }
}

/** A guard refusal met while reading: it ends the read. */
class Refused extends Error {
  constructor(readonly verdict: GuardRefusal) {
    super(verdict.message);
  }
}

/** Parses a part as it is inflated; a missing part is simply not read. */
function parsePart(zip: GuardedZip, name: string, handlers: XmlHandlers): void {
  const part = zip.part(name);
  if (part === undefined) return;
  const verdict = zip.inflate(part, xmlSink(handlers));
  if (!verdict.ok) throw new Refused(verdict);
}

/** The part a workbook relationship of this kind points to, else where Excel puts it. */
function partOf(relationships: ReadonlyMap<string, Relationship>, kind: string, workbookPart: string, usual: string): string {
  for (const relationship of relationships.values()) if (isRelationship(relationship, kind)) return relationship.part;
  return resolveTarget(workbookPart, usual);
}

type SheetRead = { sheet: string; table: Table | null; issues: ImportIssue[] };

/** Reads the parts in the order sheets need them: workbook, styles, shared strings, then the sheets in tab order. */
function readWorkbook(zip: GuardedZip, fileName: string): SheetRead[] {
  const root = relationshipsReader('');
  parsePart(zip, '_rels/.rels', root.handlers);
  const workbookPart = [...root.result.values()].find((relationship) => isRelationship(relationship, 'officeDocument'))?.part ?? 'xl/workbook.xml';
  const relationships = relationshipsReader(workbookPart);
  parsePart(zip, relationshipsPart(workbookPart), relationships.handlers);
  const workbook = workbookReader();
  parsePart(zip, workbookPart, workbook.handlers);
  const styles = stylesReader();
  parsePart(zip, partOf(relationships.result, 'styles', workbookPart, 'styles.xml'), styles.handlers);
  const strings = sharedStringsReader();
  parsePart(zip, partOf(relationships.result, 'sharedStrings', workbookPart, 'sharedStrings.xml'), strings.handlers);
  const context = { strings: strings.result, formats: styles.result(), date1904: workbook.result.date1904 };
  const read = new Set<string>();
  const sheets: SheetRead[] = [];
  for (const { name, relationshipId } of workbook.result.sheets) {
    const relationship = relationships.result.get(relationshipId);
    // Chart sheets have no cells; a part listed twice is read once.
    if (relationship === undefined || !isRelationship(relationship, 'worksheet') || read.has(relationship.part) || zip.part(relationship.part) === undefined) continue;
    read.add(relationship.part);
    const builder = new SheetTableBuilder(sheetFileName(fileName, name), () => context.date1904);
    parsePart(zip, relationship.part, sheetReader(builder, context));
    sheets.push({ sheet: name, ...builder.finish() });
  }
  return sheets;
}

/** Reads every worksheet of an .xlsx into Tables of text cells, streaming. */
export async function readXlsxStream(bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<XlsxRead> {
  const opened = openXlsx(bytes, limits, inflateRawNatively);
  if (!opened.ok) return refusedWorkbook(fileName, opened.code, opened.message);
  try {
    const sheets = readWorkbook(opened.zip, fileName);
    // Parts no sheet needs are checked too: the guard refuses the same files either way.
    const rest = opened.zip.checkRest();
    if (!rest.ok) return refusedWorkbook(fileName, rest.code, rest.message);
    return nameSheets(fileName, sheets);
  } catch (error) {
    if (error instanceof Refused) return refusedWorkbook(fileName, error.verdict.code, error.verdict.message);
    // A part the guard refuses says more than one the parser cannot read, as when the guard ran first.
    const rest = opened.zip.checkRest();
    return rest.ok ? unreadableWorkbook(fileName, error) : refusedWorkbook(fileName, rest.code, rest.message);
  }
}
