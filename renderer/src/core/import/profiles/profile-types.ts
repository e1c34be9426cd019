// An import profile is data (issue 3 "Profiles"): which source column or JSON
// key holds each field, how values are spelled, and how dates and numbers are
// written. Users save their own, so a profile is a plain JSON-serialisable
// object, validated when loaded (validate-profile.ts). What each field means
// is fixed by the profile's `system` (its record specs and interpreter).
import type { DateFormat } from '../source-date';
import type { DecimalSeparator, GroupingSeparator } from '../locale-number';
import type { DurationUnit } from '../source-duration';

export const SOURCE_SYSTEMS = ['canonical', 'connectwise', 'autotask', 'eautomate', 'generic'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

/** How a field's text is read. */
export type FieldType = 'text' | 'date' | 'quantity' | 'money' | 'decimal' | 'duration' | 'boolean';

/** One field of a source record and the columns (CSV/XLSX headers or dotted JSON keys) that may hold it, first found wins. */
export interface ColumnMapping {
  readonly field: string;
  readonly columns: readonly string[];
}

/** One kind of source record (a ConnectWise Agreement, an Autotask ContractBlock, …) and where its fields are. */
export interface RecordMapping {
  readonly record: string;
  readonly columns: readonly ColumnMapping[];
}

/** Source spellings of one field's values (compared trimmed, case-insensitively) and what they mean. */
export interface ValueMapping {
  readonly field: string;
  readonly values: readonly (readonly [source: string, meaning: string])[];
}

/** A ConnectWise addition product that adds units to its agreement: quantity × unitsPerQuantity units. */
export interface UnitProduct {
  readonly product: string;
  readonly unitsPerQuantity: string;
}

export interface SourceProfile {
  readonly id: string;
  readonly label: string;
  readonly system: SourceSystem;
  readonly version: 1;
  readonly dateFormat: DateFormat;
  readonly decimal: DecimalSeparator;
  readonly grouping: GroupingSeparator;
  readonly durationUnit: DurationUnit;
  /** Where zoned date-times (`2026-01-05T23:30:00Z`) are moved before their day is taken, in minutes east of UTC. */
  readonly utcOffsetMinutes: number;
  readonly records: readonly RecordMapping[];
  readonly valueMaps: readonly ValueMapping[];
  readonly unitProducts: readonly UnitProduct[];
}

/** One field of a record spec: its type, whether a row needs it, and its default columns. */
export interface FieldSpec {
  readonly field: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly columns: readonly string[];
}

/** What a system knows about one record kind: its fields and the fields whose columns identify it. */
export interface RecordSpec {
  readonly record: string;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  /** Fields whose columns, found together in a header, identify this record kind. */
  readonly signature: readonly string[];
}
