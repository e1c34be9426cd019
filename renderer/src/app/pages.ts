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

/** Pages whose screen answers the menu's Export itself; on the others Export opens Month-end, where the workbooks are. */
export const EXPORTING_PAGES: ReadonlySet<PageId> = new Set<PageId>(['month-end', 'audit']);
