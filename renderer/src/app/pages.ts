/** The screens in the left navigation, in order. Features fill them (renderer/src/features/). */
export const pages = [
  { id: 'contracts', label: 'Contracts' },
  { id: 'entries', label: 'Entries' },
  { id: 'import', label: 'Import' },
  { id: 'month-end', label: 'Month-end' },
  { id: 'audit', label: 'Audit' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof pages)[number]['id'];
