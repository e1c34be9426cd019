// The conflicts of an import plan (same key, different content: issue 3) as
// the clerk reads them side by side: only the fields that differ, values in
// the words and decimals the screens use, never raw hundredths.
import { formatCenti } from '../core/numbers';
import type { ExactDecimal } from '../core/model';
import type { RecordConflict } from '../db';
import type { ConflictView } from './engine-protocol';

/** The most conflicts sent to the window; the plan's count still says how many there are. */
export const MAX_CONFLICT_VIEWS = 200;

// Fields held in hundredths of their unit (core/model.ts).
const CENTI_FIELDS = new Set(['allowance', 'overrunLimit', 'lowBalance', 'rebillBelow', 'rebillQuantity', 'price', 'reportedBalance', 'quantity', 'hours', 'amount']);

function isExact(value: unknown): value is ExactDecimal {
  return typeof value === 'object' && value !== null && 'units' in value && 'scale' in value;
}

function exactText({ units, scale }: ExactDecimal): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return (negative ? '-' : '') + text;
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'number') return CENTI_FIELDS.has(field) ? formatCenti(value) : String(value);
  if (isExact(value)) return exactText(value);
  if (Array.isArray(value)) {
    const parts = value.map((item: unknown) => (typeof item === 'object' && item !== null && 'role' in item && 'value' in item ? `${String(item.role)} ${valueText('', item.value)}` : valueText('', item)));
    return parts.length === 0 ? '(none)' : parts.join(', ');
  }
  return String(value);
}

function labelOf(conflict: RecordConflict): string {
  switch (conflict.recordType) {
    case 'contract':
      return `Contract ${conflict.incoming.id}`;
    case 'entry':
      return `Entry ${conflict.incoming.id}`;
    case 'addition':
      return `Addition of ${conflict.incoming.date} on contract ${conflict.incoming.contractId}`;
  }
}

/** One conflict with the fields that differ between the stored and the incoming record. */
export function conflictView(conflict: RecordConflict): ConflictView {
  const stored = conflict.existing as unknown as Readonly<Record<string, unknown>>;
  const incoming = conflict.incoming as unknown as Readonly<Record<string, unknown>>;
  const names = [...new Set([...Object.keys(stored), ...Object.keys(incoming)])];
  const fields = names.flatMap((field) => {
    const before = valueText(field, stored[field]);
    const after = valueText(field, incoming[field]);
    return before === after ? [] : [{ field, stored: before, incoming: after }];
  });
  return { key: conflict.key, recordType: conflict.recordType, label: labelOf(conflict), existingBatchId: conflict.existingBatchId, fields };
}
