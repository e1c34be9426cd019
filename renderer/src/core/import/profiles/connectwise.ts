// ConnectWise PSA (Manage): the REST objects a consultant saves
// (psa-exports.md §1.2, §1.4, §1.5, §1.6, §1.8) and the column names of the
// matching list exports. JSON keys are dotted for nested references
// (`company.name`).
import type { RecordSpec, SourceProfile } from './profile-types';
import { defaultProfile } from './default-profile';

export const CONNECTWISE_SPECS: readonly RecordSpec[] = [
  {
    record: 'agreement',
    label: 'ConnectWise agreement',
    signature: ['id', 'applicationUnits', 'applicationLimit', 'startDate'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Agreement ID', 'Agreement Id', 'AgreementID'] },
      { field: 'name', type: 'text', columns: ['name', 'Agreement Name', 'Agreement'] },
      { field: 'company', type: 'text', required: true, columns: ['company.name', 'company.identifier', 'Company', 'Company Name'] },
      { field: 'startDate', type: 'date', required: true, columns: ['startDate', 'Start Date', 'Start'] },
      { field: 'endDate', type: 'date', columns: ['endDate', 'End Date', 'End'] },
      { field: 'noEndingDateFlag', type: 'boolean', columns: ['noEndingDateFlag', 'No Ending Date'] },
      { field: 'dateCancelled', type: 'date', columns: ['dateCancelled', 'Date Cancelled', 'Cancelled Date'] },
      { field: 'applicationUnits', type: 'text', columns: ['applicationUnits', 'Application Units'] },
      { field: 'applicationLimit', type: 'quantity', columns: ['applicationLimit', 'Application Limit'] },
      { field: 'applicationCycle', type: 'text', columns: ['applicationCycle', 'Application Cycle', 'Available Per'] },
      { field: 'applicationUnlimitedFlag', type: 'boolean', columns: ['applicationUnlimitedFlag', 'Unlimited'] },
      { field: 'oneTimeFlag', type: 'boolean', columns: ['oneTimeFlag', 'One Time'] },
      { field: 'carryOverUnused', type: 'boolean', columns: ['carryOverUnused', 'Carryover Unused', 'Carry Over Unused'] },
      { field: 'expiredDays', type: 'decimal', columns: ['expiredDays', 'Days Expires In', 'Expired Days'] },
      { field: 'allowOverruns', type: 'boolean', columns: ['allowOverruns', 'Allow Overruns'] },
      { field: 'limit', type: 'quantity', columns: ['limit', 'Overrun Limit'] },
      { field: 'expireWhenZero', type: 'boolean', columns: ['expireWhenZero', 'Expire When Zero'] },
      { field: 'billAmount', type: 'money', columns: ['billAmount', 'Billing Amount', 'Bill Amount'] },
      { field: 'billingCycle', type: 'text', columns: ['billingCycle.name', 'Billing Cycle'] },
      { field: 'parentAgreement', type: 'text', columns: ['parentAgreement.id', 'parentAgreement.name', 'Parent Agreement'] },
    ],
  },
  {
    record: 'addition',
    label: 'ConnectWise addition',
    signature: ['agreementId', 'product', 'quantity', 'effectiveDate'],
    fields: [
      { field: 'id', type: 'text', columns: ['id', 'Addition ID', 'Sequence'] },
      { field: 'agreementId', type: 'text', required: true, columns: ['agreementId', 'Agreement ID', 'Agreement Id'] },
      { field: 'product', type: 'text', required: true, columns: ['product.identifier', 'Product ID', 'Product'] },
      { field: 'quantity', type: 'decimal', required: true, columns: ['quantity', 'Quantity', 'Qty'] },
      { field: 'lessIncluded', type: 'decimal', columns: ['lessIncluded', 'Less Included'] },
      { field: 'extPrice', type: 'money', columns: ['extPrice', 'Ext Price', 'Extended Price'] },
      { field: 'effectiveDate', type: 'date', columns: ['effectiveDate', 'Effective', 'Effective Date'] },
      { field: 'cancelledDate', type: 'date', columns: ['cancelledDate', 'Cancelled', 'Cancelled Date'] },
      { field: 'invoiceDescription', type: 'text', columns: ['invoiceDescription', 'description', 'Description'] },
    ],
  },
  {
    record: 'adjustment',
    label: 'ConnectWise agreement adjustment',
    signature: ['agreementId', 'amount', 'effectiveDate', 'description'],
    fields: [
      { field: 'id', type: 'text', columns: ['id', 'Adjustment ID'] },
      { field: 'agreementId', type: 'text', required: true, columns: ['agreementId', 'Agreement ID', 'Agreement Id'] },
      { field: 'amount', type: 'quantity', required: true, columns: ['amount', 'Amount', 'Adjustment'] },
      { field: 'effectiveDate', type: 'date', required: true, columns: ['effectiveDate', 'Effective Date', 'Effective'] },
      { field: 'description', type: 'text', columns: ['description', 'Description'] },
    ],
  },
  {
    record: 'timeEntry',
    label: 'ConnectWise time entry',
    signature: ['timeStart', 'hours', 'billableOption', 'member'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Time Entry ID', 'Entry ID', 'Time ID'] },
      { field: 'timeStart', type: 'date', required: true, columns: ['timeStart', 'Date', 'Date Worked', 'Time Start'] },
      { field: 'dateEntered', type: 'text', columns: ['dateEntered', 'Date Entered', 'Entered'] },
      { field: 'agreementId', type: 'text', columns: ['agreement.id', 'Agreement ID', 'Agreement Id'] },
      { field: 'company', type: 'text', columns: ['company.name', 'company.identifier', 'Company', 'Company Name'] },
      { field: 'ticket', type: 'text', columns: ['ticket.id', 'chargeToId', 'Ticket #', 'Ticket', 'Charge To'] },
      { field: 'member', type: 'text', columns: ['member.identifier', 'member.name', 'Member', 'Technician'] },
      { field: 'workRole', type: 'text', columns: ['workRole.name', 'Work Role'] },
      { field: 'workType', type: 'text', columns: ['workType.name', 'Work Type'] },
      { field: 'hours', type: 'duration', required: true, columns: ['hoursBilled', 'actualHours', 'Billable Hrs', 'Hours Billed', 'Hours', 'Actual Hrs'] },
      { field: 'billableOption', type: 'text', columns: ['billableOption', 'Billable Option', 'Billable', 'Bill'] },
      { field: 'agreementHours', type: 'duration', columns: ['agreementHours', 'App Hrs', 'Agreement Hours'] },
      { field: 'notes', type: 'text', columns: ['notes', 'Notes'] },
    ],
  },
  {
    record: 'recap',
    label: 'ConnectWise agreement recap',
    signature: ['id', 'remainingAmount', 'startingAmount', 'usedAmount'],
    fields: [
      { field: 'id', type: 'text', required: true, columns: ['id', 'Agreement ID', 'Agreement Id'] },
      { field: 'startingAmount', type: 'quantity', columns: ['startingAmount', 'Starting'] },
      { field: 'usedAmount', type: 'quantity', columns: ['usedAmount', 'Used'] },
      { field: 'remainingAmount', type: 'quantity', required: true, columns: ['remainingAmount', 'Remaining'] },
    ],
  },
];

export const CONNECTWISE_PROFILE: SourceProfile = defaultProfile(
  {
    id: 'connectwise',
    label: 'ConnectWise PSA (REST JSON or list export)',
    system: 'connectwise',
    dateFormat: 'auto',
    decimal: '.',
    grouping: ',',
    durationUnit: 'auto',
    utcOffsetMinutes: 0,
    valueMaps: [
      { field: 'billableOption', values: [['Billable', 'billable'], ['DoNotBill', 'do_not_bill'], ['Do Not Bill', 'do_not_bill'], ['NoCharge', 'no_charge'], ['No Charge', 'no_charge'], ['NoDefault', 'billable']] },
      { field: 'applicationUnits', values: [['Hours', 'hours'], ['Amount', 'amount'], ['Incidents', 'incidents']] },
      {
        field: 'applicationCycle',
        values: [['CalendarMonth', 'month'], ['Calendar Month', 'month'], ['CalendarQuarter', 'quarter'], ['Calendar Quarter', 'quarter'], ['ContractQuarter', 'contract-quarter'], ['Contract Quarter', 'contract-quarter'], ['CalendarYear', 'year'], ['Calendar Year', 'year'], ['ContractYear', 'contract-year'], ['Contract Year', 'contract-year'], ['CalendarWeek', 'week'], ['Contract2Weeks', 'week'], ['Contract4Weeks', 'week']],
      },
      { field: 'billingCycle', values: [['Monthly', 'month'], ['Quarterly', 'quarter'], ['Yearly', 'year'], ['Annual', 'year'], ['NotRecurring', 'once']] },
    ],
    unitProducts: [],
  },
  CONNECTWISE_SPECS,
);
