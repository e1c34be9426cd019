// A user-mapped spreadsheet onto the canonical tables: each SPEC §2 field is
// read with the profile's formats and written back in canonical spelling, so
// the canonical typer checks the meaning (SPEC §10) exactly as for a
// canonical CSV.
import type { RecordSpec } from './profiles/profile-types';
import type { SourceRow } from './record-reader';
import { mapValue } from './record-reader';
import { centiCell, flagCell, type MapContext } from './map-context';
import { exactToText } from './decimal-text';
import type { CanonicalKind } from './canonical-output';

function cellOf(row: SourceRow, field: RecordSpec['fields'][number], context: MapContext): string | null {
  switch (field.type) {
    case 'date':
      return row.date(field.field) ?? '';
    case 'quantity':
    case 'money': {
      const centi = context.centi(row, field.field, field.field);
      return centi === null ? null : centiCell(centi);
    }
    case 'decimal': {
      const value = row.decimal(field.field);
      return value === null ? '' : exactToText(value);
    }
    case 'duration':
      return centiCell(row.hours(field.field));
    case 'boolean':
      return flagCell(row.flag(field.field));
    case 'text': {
      const raw = row.text(field.field);
      // Unknown spellings stay as written, so the canonical typer names them.
      return raw === '' ? '' : (mapValue(context.profile, field.field, raw) ?? raw);
    }
  }
}

/** Maps user-mapped rows of one canonical kind onto canonical rows. */
export function mapGeneric(kind: CanonicalKind, spec: RecordSpec, rows: readonly SourceRow[], context: MapContext): void {
  for (const row of rows) {
    const cells = new Map<string, string>();
    let bad = false;
    for (const field of spec.fields) {
      const cell = cellOf(row, field, context);
      if (cell === null) bad = true;
      else if (cell !== '') cells.set(field.field, cell);
    }
    if (!bad) context.out.add(kind, row.file, row.line, cells);
  }
}
