// Readers of the small workbook parts a sheet needs (ECMA-376 Part 1):
// relationships, workbook.xml (sheet names and order, the 1904 date system),
// styles.xml (each cell style's number format) and sharedStrings.xml. Each
// returns an XML handler set to feed with xmlSink and a result read when the
// part is done. Keys from the file never become object keys (Maps/arrays).
import type { XmlHandlers } from './xlsx-xml';

export interface Relationship {
  readonly type: string;
  /** The target part's name inside the zip. */
  readonly part: string;
}

/** The built-in number formats that show dates or times (ECMA-376 Part 1, §18.8.30); the others show numbers. */
const BUILT_IN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
]);

/** A relationship target as a part name: relative to the source part's folder, or absolute from the package root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The `_rels/x.rels` part that holds the relationships of part `x`. */
export function relationshipsPart(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf('/');
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

/** Reads a relationships part of `sourcePart`: id → type and target part (external targets skipped). */
export function relationshipsReader(sourcePart: string): { handlers: XmlHandlers; result: Map<string, Relationship> } {
  const result = new Map<string, Relationship>();
  const handlers: XmlHandlers = {
    open(name, attributes) {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = attributes;
      if (name !== 'Relationship' || id === undefined || type === undefined || target === undefined || mode === 'External') return;
      result.set(id, { type, part: resolveTarget(sourcePart, target) });
    },
  };
  return { handlers, result };
}

/** Whether a relationship type (a URI) is of this kind, e.g. `worksheet`. */
export function isRelationship(relationship: Relationship, kind: string): boolean {
  return relationship.type.endsWith(`/${kind}`);
}

export interface WorkbookSheet {
  readonly name: string;
  readonly relationshipId: string;
}

export interface WorkbookInfo {
  /** In the order Excel shows the tabs. */
  readonly sheets: WorkbookSheet[];
  date1904: boolean;
}

/** The relationship id of a `<sheet>`: its `r:id`, whatever prefix the relationships namespace has. */
function relationshipId(attributes: Readonly<Record<string, string>>): string | undefined {
  const id = attributes['r:id'];
  if (id !== undefined) return id;
  const key = Object.keys(attributes).find((name) => name.endsWith(':id'));
  return key === undefined ? undefined : attributes[key];
}

/** Reads workbook.xml: the sheets in tab order and the date system. */
export function workbookReader(): { handlers: XmlHandlers; result: WorkbookInfo } {
  const result: WorkbookInfo = { sheets: [], date1904: false };
  const handlers: XmlHandlers = {
    open(name, attributes) {
      if (name === 'workbookPr') result.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      else if (name === 'sheet') {
        const id = relationshipId(attributes);
        if (attributes.name !== undefined && id !== undefined) result.sheets.push({ name: attributes.name, relationshipId: id });
      }
    },
  };
  return { handlers, result };
}

/** Reads styles.xml: per cell style index (`s`), its number format code (undefined = General). */
export function stylesReader(): { handlers: XmlHandlers; result: () => (string | undefined)[] } {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  const handlers: XmlHandlers = {
    open(name, attributes) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts && attributes.formatCode !== undefined) custom.set(Number(attributes.numFmtId), attributes.formatCode);
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
  };
  // Format 0 is General, even if a file redefines it.
  const result = (): (string | undefined)[] => formatIds.map((id) => (id === 0 ? undefined : (custom.get(id) ?? BUILT_IN_DATE_FORMATS.get(id))));
  return { handlers, result };
}

/**
 * Reads sharedStrings.xml: each `<si>` as its text, rich-text runs joined.
 * Phonetic guides (`<rPh>`, furigana) are not part of the text. An item with
 * no text and no runs is null, a cell without a value, as ExcelJS reads it.
 */
export function sharedStringsReader(): { handlers: XmlHandlers; result: (string | null)[] } {
  const result: (string | null)[] = [];
  let inItem = false;
  let runs = false;
  let text = '';
  let inText = false;
  let phonetic = 0;
  const handlers: XmlHandlers = {
    open(name) {
      if (name === 'si') {
        inItem = true;
        runs = false;
        text = '';
      } else if (name === 't') inText = inItem && phonetic === 0;
      else if (name === 'r') runs = true;
      else if (name === 'rPh') phonetic += 1;
    },
    text(value) {
      if (inText) text += value;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && inItem) {
        result.push(text === '' && !runs ? null : text);
        inItem = false;
      }
    },
  };
  return { handlers, result };
}
