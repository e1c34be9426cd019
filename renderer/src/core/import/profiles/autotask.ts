// Autotask PSA REST entities (psa-exports.md §2.1): contracts, their block,
// retainer and ticket purchases, block-hour factors, role rates and time
// entries, and companies for the customers' names. Picklist values vary by
// instance, so none is hard-coded here.
import type { RecordSpec, SourceProfile } from './profile-types';
import { defaultProfile } from './default-profile';

const PURCHASE_FIELDS = [
  { field: 'id', type: 'text', columns: ['id'] },
  { field: 'contractID', type: 'text', required: true, columns: ['contractID', 'Contract ID'] },
  { field: 'datePurchased', type: 'date', columns: ['datePurchased', 'Date Purchased'] },
  { field: 'startDate', type: 'date', required: true, columns: ['startDate', 'Start Date'] },
  { field: 'endDate', type: 'date', columns: ['endDate', 'End Date'] },
  { field: 'status', type: 'text', columns: ['status', 'isActive', 'Active', 'Status'] },
  { field: 'invoiceNumber', type: 'text', columns: ['invoiceNumber', 'paymentNumber', 'Invoice Number'] },
] as const;

export const AUTOTASK_SPECS: readonly RecordSpec[] = [
  {
    record: 'contract',
    label: 'Autotask contract',
    signature: ['id', 'contractName', 'contractType', 'startDate'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Contract ID'] },
      { field: 'contractName', type: 'text', columns: ['contractName', 'Contract Name'] },
      { field: 'company', type: 'text', required: true, columns: ['companyName', 'company.companyName', 'Account', 'Organization', 'companyID'] },
      { field: 'contractType', type: 'text', columns: ['contractType', 'Contract Type'] },
      { field: 'startDate', type: 'date', required: true, columns: ['startDate', 'Start Date'] },
      { field: 'endDate', type: 'date', columns: ['endDate', 'End Date'] },
    ],
  },
  {
    record: 'block',
    label: 'Autotask contract block',
    signature: ['contractID', 'hours', 'hourlyRate', 'datePurchased'],
    fields: [
      ...PURCHASE_FIELDS,
      { field: 'hours', type: 'quantity', required: true, columns: ['hours', 'Hours Purchased', 'Hours'] },
      { field: 'hoursApproved', type: 'quantity', columns: ['hoursApproved', 'Hours Used'] },
      { field: 'hourlyRate', type: 'decimal', columns: ['hourlyRate', 'Hourly Rate'] },
    ],
  },
  {
    record: 'retainer',
    label: 'Autotask contract retainer',
    signature: ['contractID', 'amount', 'amountApproved', 'datePurchased'],
    fields: [
      ...PURCHASE_FIELDS,
      { field: 'amount', type: 'money', required: true, columns: ['amount', 'Amount Purchased', 'Amount'] },
      { field: 'amountApproved', type: 'money', columns: ['amountApproved', 'Amount Used'] },
    ],
  },
  {
    record: 'ticketPurchase',
    label: 'Autotask ticket purchase',
    signature: ['contractID', 'ticketsPurchased', 'perTicketRate', 'datePurchased'],
    fields: [
      ...PURCHASE_FIELDS,
      { field: 'ticketsPurchased', type: 'quantity', required: true, columns: ['ticketsPurchased', 'Tickets Purchased'] },
      { field: 'ticketsUsed', type: 'quantity', columns: ['ticketsUsed', 'Tickets Used'] },
      { field: 'perTicketRate', type: 'money', columns: ['perTicketRate', 'Per Ticket Rate'] },
    ],
  },
  {
    record: 'blockHourFactor',
    label: 'Autotask block hour factor',
    signature: ['contractID', 'role', 'blockHourMultiplier'],
    fields: [
      { field: 'contractID', type: 'text', required: true, columns: ['contractID', 'Contract ID'] },
      { field: 'role', type: 'text', required: true, columns: ['roleID', 'Role ID', 'Role'] },
      { field: 'blockHourMultiplier', type: 'decimal', required: true, columns: ['blockHourMultiplier', 'Block Hour Multiplier'] },
    ],
  },
  {
    record: 'rate',
    label: 'Autotask contract rate',
    signature: ['contractID', 'role', 'contractHourlyRate'],
    fields: [
      { field: 'contractID', type: 'text', required: true, columns: ['contractID', 'Contract ID'] },
      { field: 'role', type: 'text', required: true, columns: ['roleID', 'Role ID', 'Role'] },
      { field: 'contractHourlyRate', type: 'decimal', required: true, columns: ['contractHourlyRate', 'Contract Hourly Rate'] },
    ],
  },
  {
    // Read only for names: a REST contract names its customer by companyID alone.
    record: 'company',
    label: 'Autotask company',
    signature: ['id', 'companyName', 'companyType'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Company ID'] },
      { field: 'companyName', type: 'text', required: true, columns: ['companyName', 'Company Name'] },
      { field: 'companyType', type: 'text', columns: ['companyType', 'Company Type'] },
    ],
  },
  {
    record: 'timeEntry',
    label: 'Autotask time entry',
    signature: ['id', 'dateWorked', 'hours', 'resource'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Time Entry ID'] },
      { field: 'dateWorked', type: 'date', required: true, columns: ['dateWorked', 'Date Worked'] },
      { field: 'contractID', type: 'text', columns: ['contractID', 'Contract ID'] },
      { field: 'ticket', type: 'text', columns: ['ticketID', 'taskID', 'Ticket Number', 'Ticket'] },
      { field: 'resource', type: 'text', columns: ['resourceID', 'Resource', 'Resource ID'] },
      { field: 'role', type: 'text', columns: ['roleID', 'Role ID', 'Role'] },
      { field: 'billingCode', type: 'text', columns: ['billingCodeID', 'Work Type', 'Billing Code'] },
      { field: 'hours', type: 'duration', required: true, columns: ['hoursToBill', 'hoursWorked', 'Hours To Bill', 'Hours Worked'] },
      { field: 'isNonBillable', type: 'boolean', columns: ['isNonBillable', 'Non-Billable'] },
      { field: 'showOnInvoice', type: 'boolean', columns: ['showOnInvoice', 'Show On Invoice'] },
      { field: 'billingApprovalDateTime', type: 'date', columns: ['billingApprovalDateTime', 'Approved Date'] },
      { field: 'summaryNotes', type: 'text', columns: ['summaryNotes', 'Summary Notes'] },
    ],
  },
];

export const AUTOTASK_PROFILE: SourceProfile = defaultProfile(
  {
    id: 'autotask',
    label: 'Autotask PSA (REST JSON)',
    system: 'autotask',
    dateFormat: 'auto',
    decimal: '.',
    grouping: ',',
    durationUnit: 'auto',
    utcOffsetMinutes: 0,
    // status 0 is Inactive in the REST picklist; an inactive purchase cannot be used (psa-exports.md §2.2).
    valueMaps: [{ field: 'status', values: [['1', 'active'], ['true', 'active'], ['Active', 'active'], ['0', 'inactive'], ['false', 'inactive'], ['Inactive', 'inactive']] }],
    unitProducts: [],
  },
  AUTOTASK_SPECS,
);
