// What a ConnectWise export says that the canonical contract cannot hold but
// the audit must report (issue 6 "Configuration audit"): work-role rates,
// exclusions, work-type overage rates, adjustments and line-item additions.
// The import profile's record specs are read again with these extra fields,
// so every column keeps the profile's matching rules.
import type { Centi, ExactDecimal, IsoDate } from '../model';
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import type { FieldSpec, RecordSpec, SourceProfile } from '../import/profiles/profile-types';
import type { Detection } from '../import/detect-profile';
import { readRecords, type SourceRow } from '../import/record-reader';
import { CONNECTWISE_SPECS } from '../import/profiles/connectwise';
import { CellReader, columnsOf, type Column } from '../canonical/cell-reader';
import { exactToCenti } from '../import/decimal-text';
import type { SourceFeatures } from './audit-types';

const AGREEMENT_EXTRA: readonly FieldSpec[] = [
  { field: 'workRoleRate', type: 'decimal', columns: ['workRoleRate', 'Work Role Rate', 'Agreement Rate', 'Hourly Rate'] },
  { field: 'excludedWorkRoles', type: 'text', columns: ['exclusionWorkRoles', 'Excluded Work Roles'] },
  { field: 'excludedWorkTypes', type: 'text', columns: ['exclusionWorkTypes', 'Excluded Work Types'] },
  { field: 'overageRates', type: 'text', columns: ['workTypeOverageRates', 'Work Type Overage Rates', 'Overage Rates'] },
];

const EXTRA = new Map<string, readonly FieldSpec[]>([
  ['agreement', AGREEMENT_EXTRA],
  ['addition', []],
  ['adjustment', []],
]);

/** Everything read from the ConnectWise files beyond the canonical tables. */
export interface SourceExtras {
  readonly features: readonly SourceFeatures[];
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
  return extra === undefined ? null : { ...spec, fields: [...spec.fields, ...extra] };
}

/** A one-cell CellReader, so `;` lists and `name=value` pairs are parsed exactly as the canonical typer does. */
function cellOf(row: SourceRow, field: string): { reader: CellReader; column: Column } | null {
  const text = row.text(field);
  const name = row.column(field);
  if (text === '' || name === null) return null;
  const columns = columnsOf([name]);
  // columnsOf gives a Column for each name it is given.
  const column = columns[name] as Column;
  const reader = new CellReader(row.file, columns);
  reader.setHeader([name], []);
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

/** Reads the audit's extra ConnectWise fields from tables already recognised by `detections` (same order). */
export function readSourceExtras(tables: readonly Table[], detections: readonly Detection[], profile: SourceProfile): SourceExtras {
  const drafts = new Map<string, Draft>();
  const draftOf = (id: string): Draft => {
    let draft = drafts.get(id);
    if (!draft) drafts.set(id, (draft = { workRoleRate: null, excludedWorkRoles: [], excludedWorkTypes: [], overageRates: [], adjustments: [], lineItems: [] }));
    return draft;
  };
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
  return { features, issues };
}
