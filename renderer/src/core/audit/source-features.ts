// What a ConnectWise export says that the canonical contract cannot hold but
// the audit must report (issue 6 "Configuration audit"): work-role rates,
// exclusions, work-type overage rates, adjustments, line-item additions, and
// each time entry's `dateEntered` (the order ConnectWise applied time in,
// psa-exports.md §0.1). The import profile's record specs are read again with
// these extra fields, so every column keeps the profile's matching rules.
import type { Centi, ExactDecimal, IsoDate } from '../model';
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import type { FieldSpec, RecordSpec, SourceProfile } from '../import/profiles/profile-types';
import type { Detection } from '../import/detect-profile';
import { readRecords, type SourceRow } from '../import/record-reader';
import { CONNECTWISE_SPECS } from '../import/profiles/connectwise';
import { CellReader } from '../canonical/cell-reader';
import { exactToCenti } from '../import/decimal-text';
import type { SourceFeatures } from './audit-types';

const AGREEMENT_EXTRA: readonly FieldSpec[] = [
  { field: 'workRoleRate', type: 'decimal', columns: ['workRoleRate', 'Work Role Rate', 'Agreement Rate', 'Hourly Rate'] },
  { field: 'excludedWorkRoles', type: 'text', columns: ['exclusionWorkRoles', 'Excluded Work Roles'] },
  { field: 'excludedWorkTypes', type: 'text', columns: ['exclusionWorkTypes', 'Excluded Work Types'] },
  { field: 'overageRates', type: 'text', columns: ['workTypeOverageRates', 'Work Type Overage Rates', 'Overage Rates'] },
];

const ENTRY_EXTRA: readonly FieldSpec[] = [{ field: 'dateEntered', type: 'text', columns: ['dateEntered', 'Date Entered', 'Entered'] }];

const EXTRA = new Map<string, readonly FieldSpec[]>([
  ['agreement', AGREEMENT_EXTRA],
  ['timeEntry', ENTRY_EXTRA],
  ['addition', []],
  ['adjustment', []],
]);

// `2026-01-05`, `2026-01-05T14:30`, `2026-01-05T14:30:00Z`, `2026-01-05 14:30:00`: kept to the minute or second, zone dropped.
const ENTERED_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/;

/** Everything read from the ConnectWise files beyond the canonical tables. */
export interface SourceExtras {
  readonly features: readonly SourceFeatures[];
  /** Entry id -> when it was entered (`YYYY-MM-DD[THH:MM[:SS]]`). */
  readonly entered: ReadonlyMap<string, string>;
  readonly issues: readonly ImportIssue[];
}

interface Draft {
  workRoleRate: ExactDecimal | null;
  excludedWorkRoles: string[];
  excludedWorkTypes: string[];
  overageRates: { workType: string; rate: ExactDecimal }[];
  adjustments: { date: IsoDate; amount: Centi; description: string }[];
  lineItems: { date: IsoDate | null; product: string }[];
}

function extendedSpec(spec: RecordSpec): RecordSpec | null {
  const extra = EXTRA.get(spec.record);
  if (extra === undefined) return null;
  // A field the profile already reads (dateEntered, once the import carries it) is not read twice.
  return { ...spec, fields: [...spec.fields, ...extra.filter((field) => !spec.fields.some((known) => known.field === field.field))] };
}

/** A one-cell CellReader, so `;` lists and `name=value` pairs are parsed exactly as the canonical typer does. */
function cellOf(row: SourceRow, field: string): { reader: CellReader; column: string } | null {
  const text = row.text(field);
  const column = row.column(field);
  if (text === '' || column === null) return null;
  const reader = new CellReader(row.file, [column]);
  reader.setHeader([column], []);
  reader.begin([text], row.line);
  return { reader, column };
}

function readAgreement(row: SourceRow, draft: Draft, issues: ImportIssue[]): void {
  draft.workRoleRate = row.decimal('workRoleRate');
  const roles = cellOf(row, 'excludedWorkRoles');
  if (roles) draft.excludedWorkRoles = roles.reader.nameList(roles.column);
  const types = cellOf(row, 'excludedWorkTypes');
  if (types) draft.excludedWorkTypes = types.reader.nameList(types.column);
  const rates = cellOf(row, 'overageRates');
  if (rates) {
    draft.overageRates = rates.reader.roleValues(rates.column, 'Remote=95;Onsite=150').map((value) => ({ workType: value.role, rate: value.value }));
    issues.push(...rates.reader.issues);
  }
}

function readEntered(row: SourceRow, entered: Map<string, string>, issues: ImportIssue[]): void {
  const text = row.text('dateEntered');
  if (text === '') return;
  const match = ENTERED_PATTERN.exec(text);
  if (!match) {
    issues.push({ file: row.file, line: row.line, column: row.column('dateEntered'), code: 'invalid-date', message: `expected when the entry was entered as YYYY-MM-DD or YYYY-MM-DDTHH:MM, got "${text}"`, severity: 'error' });
    return;
  }
  entered.set(row.text('id'), match[2] === undefined ? (match[1] as string) : `${match[1]}T${match[2]}`);
}

/** Reads the audit's extra ConnectWise fields from tables already recognised by `detections` (same order). */
export function readSourceExtras(tables: readonly Table[], detections: readonly Detection[], profile: SourceProfile): SourceExtras {
  const drafts = new Map<string, Draft>();
  const draftOf = (id: string): Draft => {
    let draft = drafts.get(id);
    if (!draft) drafts.set(id, (draft = { workRoleRate: null, excludedWorkRoles: [], excludedWorkTypes: [], overageRates: [], adjustments: [], lineItems: [] }));
    return draft;
  };
  const entered = new Map<string, string>();
  const issues: ImportIssue[] = [];
  const unitProducts = new Set(profile.unitProducts.map((product) => product.product.trim().toLowerCase()));
  tables.forEach((table, index) => {
    const detection = detections[index];
    if (detection?.profileId !== profile.id) return;
    const base = CONNECTWISE_SPECS.find((spec) => spec.record === detection.record);
    const spec = base && extendedSpec(base);
    if (!spec) return;
    const extraColumns = new Set((EXTRA.get(spec.record) ?? []).flatMap((field) => field.columns.map((column) => column.toLowerCase())));
    const read = readRecords(table, spec, profile);
    // Problems with the profile's own fields are reported by the import; only the extra fields' are new.
    issues.push(...read.issues.filter((issue) => issue.column !== null && extraColumns.has(issue.column.toLowerCase())));
    for (const row of read.rows) {
      switch (spec.record) {
        case 'agreement':
          readAgreement(row, draftOf(row.text('id')), issues);
          break;
        case 'timeEntry':
          readEntered(row, entered, issues);
          break;
        case 'addition':
          if (!unitProducts.has(row.text('product').toLowerCase())) draftOf(row.text('agreementId')).lineItems.push({ date: row.date('effectiveDate'), product: row.text('product') });
          break;
        case 'adjustment': {
          const amount = row.decimal('amount');
          const centi = amount === null ? null : exactToCenti(amount);
          if (centi !== null && centi !== 0) draftOf(row.text('agreementId')).adjustments.push({ date: row.date('effectiveDate') ?? '', amount: centi, description: row.text('description') });
          break;
        }
      }
    }
  });
  const features = [...drafts].map(([agreementId, draft]): SourceFeatures => ({ agreementId, ...draft }));
  return { features, entered, issues };
}
