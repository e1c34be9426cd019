// ECI e-automate deposit / time-block contracts and service-call labor
// (psa-exports.md §4). Its export layout is not public, so these columns are
// sensible defaults a clerk edits to match the report they run.
import type { RecordSpec, SourceProfile } from './profile-types';
import { defaultProfile } from './default-profile';

export const EAUTOMATE_SPECS: readonly RecordSpec[] = [
  {
    record: 'contract',
    label: 'e-automate contract',
    signature: ['contract', 'billingMethod', 'laborRate', 'rebillOption'],
    fields: [
      { field: 'contract', type: 'text', required: true, columns: ['Contract Number', 'Contract #', 'ContractNumber', 'Contract'] },
      { field: 'customer', type: 'text', required: true, columns: ['Customer Name', 'Customer', 'Bill To Customer'] },
      { field: 'description', type: 'text', columns: ['Description', 'Contract Description', 'Contract Type'] },
      { field: 'startDate', type: 'date', required: true, columns: ['Start Date', 'Effective Date', 'Contract Start'] },
      { field: 'endDate', type: 'date', columns: ['Expiration Date', 'End Date', 'Expires'] },
      { field: 'billingMethod', type: 'text', columns: ['Billing Method', 'Contract Billing Method'] },
      { field: 'timeBlock', type: 'boolean', columns: ['Time Block Based', 'Time Block'] },
      { field: 'initialAmount', type: 'money', columns: ['Initial Amount', 'Deposit Amount', 'Initial Deposit'] },
      { field: 'initialHours', type: 'quantity', columns: ['Initial Hours', 'Hours'] },
      { field: 'laborRate', type: 'decimal', columns: ['Labor Rate', 'Bill Code Labor Rate', 'Bill Rate'] },
      { field: 'rebillOption', type: 'text', columns: ['Re-bill Option', 'Rebill Option', 'Re-bill'] },
      { field: 'rebillBelow', type: 'quantity', columns: ['Re-bill When Below', 'Rebill When Below', 'Re-bill When Balance Below'] },
      { field: 'billingAmount', type: 'quantity', columns: ['Billing Amount', 'Re-bill Amount', 'Rebill Amount', 'Re-bill Hours'] },
      { field: 'billingCycle', type: 'text', columns: ['Billing Cycle'] },
      { field: 'balance', type: 'quantity', columns: ['Unearned Balance', 'Balance', 'Remaining Balance'] },
      { field: 'hoursRemaining', type: 'quantity', columns: ['Hours Remaining', 'Remaining Hours'] },
      { field: 'balanceDate', type: 'date', columns: ['As Of', 'Balance Date'] },
    ],
  },
  {
    record: 'labor',
    label: 'e-automate service-call labor line',
    signature: ['call', 'technician', 'hours', 'date'],
    fields: [
      { field: 'id', type: 'text', columns: ['Labor ID', 'Line ID', 'Labor Line'] },
      { field: 'call', type: 'text', required: true, columns: ['Call Number', 'Call #', 'Service Call', 'Call'] },
      { field: 'contract', type: 'text', columns: ['Contract Number', 'Contract #', 'Contract'] },
      { field: 'customer', type: 'text', columns: ['Customer Name', 'Customer'] },
      { field: 'date', type: 'date', required: true, columns: ['Labor Date', 'Date', 'Complete Date', 'Call Date'] },
      { field: 'technician', type: 'text', columns: ['Technician', 'Tech'] },
      { field: 'activity', type: 'text', columns: ['Activity Code', 'Activity', 'Service Code'] },
      { field: 'hours', type: 'duration', required: true, columns: ['Labor Hours', 'Hours', 'Billable Hours'] },
      { field: 'laborAmount', type: 'money', columns: ['Labor Amount', 'Labor $', 'Amount'] },
      { field: 'description', type: 'text', columns: ['Description', 'Remarks', 'Notes'] },
    ],
  },
];

export const EAUTOMATE_PROFILE: SourceProfile = defaultProfile(
  {
    id: 'eautomate',
    label: 'ECI e-automate (contract list and service-call labor)',
    system: 'eautomate',
    dateFormat: 'auto',
    decimal: '.',
    grouping: ',',
    durationUnit: 'auto',
    utcOffsetMinutes: 0,
    valueMaps: [
      { field: 'billingMethod', values: [['Deposit', 'deposit'], ['Deposit Based', 'deposit'], ['Deposit Based Billing', 'deposit'], ['Installment', 'installment'], ['Installment Based', 'installment']] },
      {
        field: 'rebillOption',
        values: [['Re-bill when balance is below', 'below'], ['Below', 'below'], ['Re-bill to zero if balance goes negative', 'zero'], ['Re-bill to zero', 'zero'], ['To Zero', 'zero'], ['Re-bill on cycle', 'cycle'], ['On Cycle', 'cycle'], ['Do not re-bill', 'none'], ['None', 'none']],
      },
      { field: 'billingCycle', values: [['Monthly', 'month'], ['Quarterly', 'quarter'], ['Annual', 'year'], ['Annually', 'year'], ['Yearly', 'year']] },
    ],
    unitProducts: [],
  },
  EAUTOMATE_SPECS,
);
