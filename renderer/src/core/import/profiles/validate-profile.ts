// A saved profile is untrusted JSON: it is rebuilt field by field from what is
// known (unknown keys are dropped, so `__proto__` and friends never travel),
// and every problem is reported in words a clerk can act on.
import { DATE_FORMATS, type DateFormat } from '../source-date';
import { DURATION_UNITS, type DurationUnit } from '../source-duration';
import type { DecimalSeparator, GroupingSeparator } from '../locale-number';
import { parseExactDecimal } from '../../numbers';
import { SOURCE_SYSTEMS, type ColumnMapping, type RecordMapping, type SourceProfile, type SourceSystem, type UnitProduct, type ValueMapping } from './profile-types';
import { specsOf } from './registry';

export type ProfileCheck = { readonly ok: true; readonly profile: SourceProfile } | { readonly ok: false; readonly problems: readonly string[] };

const DECIMALS: readonly DecimalSeparator[] = ['.', ',', 'auto'];
const GROUPINGS: readonly GroupingSeparator[] = [',', '.', ' ', "'", ''];
const MAX_TEXT = 200;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function readRecords(value: unknown, system: SourceSystem, problems: string[]): RecordMapping[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('records must be a list');
    return [];
  }
  const specs = specsOf(system);
  return value.flatMap((item: unknown, index): RecordMapping[] => {
    const spec = isRecord(item) ? specs.find((candidate) => candidate.record === item.record) : undefined;
    if (!isRecord(item) || !spec) {
      problems.push(`records[${index}] is not a ${system} record (known: ${specs.map((candidate) => candidate.record).join(', ')})`);
      return [];
    }
    const columns = Array.isArray(item.columns) ? item.columns : [];
    const mapped = columns.flatMap((column: unknown): ColumnMapping[] => {
      if (!isRecord(column) || !spec.fields.some((field) => field.field === column.field)) {
        problems.push(`records[${index}] (${spec.record}) maps a field it does not have: ${isRecord(column) ? String(column.field) : 'not an object'}`);
        return [];
      }
      const names = Array.isArray(column.columns) ? column.columns : [];
      if (names.length === 0 || !names.every(text)) {
        problems.push(`${spec.record}.${String(column.field)}: columns must be a non-empty list of column names`);
        return [];
      }
      return [{ field: String(column.field), columns: [...names] }];
    });
    return [{ record: spec.record, columns: mapped }];
  });
}

function readValueMaps(value: unknown, problems: string[]): ValueMapping[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('valueMaps must be a list');
    return [];
  }
  return value.flatMap((item: unknown, index): ValueMapping[] => {
    const pairs = isRecord(item) && Array.isArray(item.values) ? item.values : null;
    if (!isRecord(item) || !text(item.field) || pairs === null || !pairs.every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && text(pair[1]))) {
      problems.push(`valueMaps[${index}] must be {field, values: [[source, meaning], …]}`);
      return [];
    }
    return [{ field: item.field, values: pairs.map((pair: readonly [string, string]) => [pair[0], pair[1]] as const) }];
  });
}

function readUnitProducts(value: unknown, problems: string[]): UnitProduct[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('unitProducts must be a list');
    return [];
  }
  return value.flatMap((item: unknown, index): UnitProduct[] => {
    const factor = isRecord(item) && typeof item.unitsPerQuantity === 'string' ? parseExactDecimal(item.unitsPerQuantity) : null;
    if (!isRecord(item) || !text(item.product) || factor === null || factor.units <= 0) {
      problems.push(`unitProducts[${index}] must be {product, unitsPerQuantity} with a positive decimal such as "10"`);
      return [];
    }
    return [{ product: item.product, unitsPerQuantity: String(item.unitsPerQuantity) }];
  });
}

/** Checks a loaded (JSON-parsed) profile and rebuilds it from its known fields. */
export function validateProfile(value: unknown): ProfileCheck {
  if (!isRecord(value)) return { ok: false, problems: ['a profile must be a JSON object'] };
  const problems: string[] = [];
  if (!text(value.id)) problems.push('id must be a short non-empty name');
  if (!text(value.label)) problems.push('label must be a short non-empty text');
  if (!oneOf(value.system, SOURCE_SYSTEMS)) problems.push(`system must be one of ${SOURCE_SYSTEMS.join(', ')}`);
  if (value.version !== 1) problems.push('version must be 1');
  if (!oneOf<DateFormat>(value.dateFormat, DATE_FORMATS)) problems.push(`dateFormat must be one of ${DATE_FORMATS.join(', ')}`);
  if (!oneOf(value.decimal, DECIMALS)) problems.push('decimal must be ".", "," or "auto"');
  if (!oneOf(value.grouping, GROUPINGS)) problems.push('grouping must be ",", ".", " ", "\'" or ""');
  if (value.decimal === value.grouping) problems.push('the decimal and grouping separators must differ');
  if (!oneOf<DurationUnit>(value.durationUnit, DURATION_UNITS)) problems.push(`durationUnit must be one of ${DURATION_UNITS.join(', ')}`);
  const offset = value.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset as number) > 14 * 60) problems.push('utcOffsetMinutes must be a whole number of minutes between -840 and 840');
  const system = oneOf(value.system, SOURCE_SYSTEMS) ? value.system : 'generic';
  const records = readRecords(value.records, system, problems);
  const valueMaps = readValueMaps(value.valueMaps, problems);
  const unitProducts = readUnitProducts(value.unitProducts, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    profile: {
      id: value.id as string,
      label: value.label as string,
      system,
      version: 1,
      dateFormat: value.dateFormat as DateFormat,
      decimal: value.decimal as DecimalSeparator,
      grouping: value.grouping as GroupingSeparator,
      durationUnit: value.durationUnit as DurationUnit,
      utcOffsetMinutes: offset as number,
      records,
      valueMaps,
      unitProducts,
    },
  };
}
